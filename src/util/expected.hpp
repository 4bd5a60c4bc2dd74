// A minimal expected<T, E>: std::expected is C++23 and clang 14 cannot use libstdc++'s, but the fuzzers need
// clang.
#pragma once
#include <utility>
#include <variant>

namespace isoprobe {

template <class E> struct Unexpected { E error; };
template <class E> Unexpected<std::decay_t<E>> unexpected(E&& e) {
    return {std::forward<E>(e)};
}

template <class T, class E> class Expected {
  public:
    Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    template <class G> Expected(Unexpected<G> u) : m_v(std::in_place_index<1>, E(std::move(u.error))) {}

    bool has_value() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const E& error() const { return std::get<1>(m_v); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, E> m_v;
};

} // namespace isoprobe
