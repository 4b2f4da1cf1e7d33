// GoJson::unmarshal on arbitrary bytes: never crashes; what parses marshals, and parses again
// to the same value (numbers are doubles, written with the shortest round-trip digits).

#include <libredistore/codec/gojson.h>

#include "fuzzsupport.h"

using namespace RediStore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const auto value = GoJson::unmarshal(input);
    if (!value.ok()) {
        const int code = int(value.error().code());
        if (code < 400 || code >= 500 || value.error().message().isEmpty())
            Fuzz::invariantBroken("a JSON error outside the JSON band or without a message");
        return 0;
    }
    const auto json = GoJson::marshal(value.value());
    if (!json.ok())
        Fuzz::invariantBroken("a parsed value does not marshal");
    const auto again = GoJson::unmarshal(json.value());
    if (!again.ok())
        Fuzz::invariantBroken("marshalled JSON does not parse");
    if (!Fuzz::sameValue(again.value(), value.value()))
        Fuzz::invariantBroken("unmarshal(marshal(v)) != v");
    const auto twice = GoJson::marshal(again.value());
    if (!twice.ok() || twice.value() != json.value())
        Fuzz::invariantBroken("marshal is not stable");
    return 0;
}
