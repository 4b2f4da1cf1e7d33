#include <libredistore/codec/gob.h>

#include "gobdecoder_p.h"
#include "gobencoder_p.h"

namespace RediStore {

Result<QByteArray, CodecError> Gob::encode(const QVariant &value)
{
    GobEncoder encoder;
    return encoder.encode(value);
}

Result<QVariant, CodecError> Gob::decode(const QByteArray &stream, const Limits &limits)
{
    GobDecoder decoder(limits);
    return decoder.decode(stream);
}

} // namespace RediStore
