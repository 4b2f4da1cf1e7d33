// Gob::decode on arbitrary bytes: never crashes, hangs or allocates beyond the limits; what
// decodes re-encodes, and decodes again to the same value.

#include <libredistore/codec/gob.h>

#include "fuzzsupport.h"

using namespace RediStore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const auto decoded = Gob::decode(input);
    if (!decoded.ok()) {
        const int code = int(decoded.error().code());
        if (code < 300 || code >= 400 || decoded.error().message().isEmpty())
            Fuzz::invariantBroken("a gob error outside the gob band or without a message");
        return 0;
    }
    // A top-level value of interface type holding nil: Go's decoder accepts it too, and there
    // is nothing to write back (gob cannot encode a bare nil).
    if (!decoded.value().isValid())
        return 0;
    const auto encoded = Gob::encode(decoded.value());
    if (!encoded.ok())
        Fuzz::invariantBroken("a decoded value does not encode");
    const auto again = Gob::decode(encoded.value());
    if (!again.ok())
        Fuzz::invariantBroken("an encoded value does not decode");
    if (!Fuzz::sameValue(again.value(), decoded.value()))
        Fuzz::invariantBroken("decode(encode(v)) != v");
    return 0;
}
