#ifndef REDISTORE_RESULT_H
#define REDISTORE_RESULT_H

#include <utility>
#include <variant>

namespace RediStore {

// The outcome of a synchronous call: a value or a typed error, never both.
// E is a layer's error type (CookieError, SerializerError, ...).
template<typename T, typename E> class Result
{
public:
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    { }
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(const E &error)
        : m_data(std::in_place_index<1>, error)
    { }
    Result(E &&error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    // Precondition: ok().
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : std::move(fallback); }

    // Precondition: !ok().
    const E &error() const & { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// A call that returns nothing but may fail.
template<typename E> class Result<void, E>
{
public:
    Result() = default;
    Result(const E &error)
        : m_error(error)
        , m_failed(true)
    { }
    Result(E &&error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const E &error() const & { return m_error; }

private:
    E m_error {};
    bool m_failed = false;
};

} // namespace RediStore

#endif // REDISTORE_RESULT_H
