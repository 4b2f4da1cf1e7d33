// DataStreamSerializer::deserialize on arbitrary bytes: typed errors, no crash and no large
// allocation from counts in the input; what deserializes serializes and deserializes again.
// Inputs whose first byte is odd get the format header in front, so the fuzzer spends its
// time past the header.

#include <libredistore/serializer/datastreamserializer.h>

#include "fuzzsupport.h"

using namespace RediStore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input;
    if (size > 0 && (data[0] & 1)) {
        input = QByteArray("\0RSD\x01", 5);
        input.append(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    } else {
        input = Fuzz::bytes(data, size);
    }
    const DataStreamSerializer serializer;
    const auto values = serializer.deserialize(input);
    if (!values.ok()) {
        if (!values.error().isError() || values.error().message().isEmpty())
            Fuzz::invariantBroken("an error without a code or message");
        return 0;
    }
    const auto bytes = serializer.serialize(values.value());
    if (!bytes.ok())
        Fuzz::invariantBroken("deserialized values do not serialize");
    const auto again = serializer.deserialize(bytes.value());
    if (!again.ok() || again.value().size() != values.value().size())
        Fuzz::invariantBroken("serialized values do not deserialize");
    return 0;
}
