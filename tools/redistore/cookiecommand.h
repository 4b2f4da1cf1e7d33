#ifndef REDISTORE_COOKIECOMMAND_H
#define REDISTORE_COOKIECOMMAND_H

#include <QtCore/QStringList>

// redistore cookie <decode|encode> ...: arguments after "cookie"; returns the exit code.
int runCookieCommand(const QStringList &arguments);

#endif // REDISTORE_COOKIECOMMAND_H
