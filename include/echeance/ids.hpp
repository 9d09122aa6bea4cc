// Typed indexes into a rule set: one small value type per kind of rule (state_id, event_id,
// ...), and the vector they index (indexed_vector). Indexing the states with an event id, or
// giving a state where an event is expected, does not compile (tests/compile_fail/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <utility>
#include <vector>

namespace echeance {

// The value of every id that names nothing: an unknown name, an automatic sender, no window.
struct no_index_t {
    explicit constexpr no_index_t(int) noexcept {}
};
inline constexpr no_index_t no_index{0};

// An index into one kind of rule; `Tag` makes each kind a type of its own. Built from a number
// only explicitly (the loader does it); defaults to no_index.
template <class Tag>
class basic_id {
public:
    using value_type = std::uint16_t;

    constexpr basic_id() noexcept = default;
    constexpr basic_id(no_index_t) noexcept {}
    constexpr explicit basic_id(std::size_t i) noexcept : v_(value_type(i)) {}

    // The position in its vector; meaningless when none().
    constexpr value_type index() const noexcept { return v_; }
    constexpr bool none() const noexcept { return v_ == none_value; }

    friend constexpr bool operator==(basic_id a, basic_id b) noexcept { return a.v_ == b.v_; }
    friend constexpr bool operator!=(basic_id a, basic_id b) noexcept { return a.v_ != b.v_; }
    friend constexpr bool operator<(basic_id a, basic_id b) noexcept { return a.v_ < b.v_; }
    friend constexpr bool operator>(basic_id a, basic_id b) noexcept { return a.v_ > b.v_; }
    friend constexpr bool operator<=(basic_id a, basic_id b) noexcept { return a.v_ <= b.v_; }
    friend constexpr bool operator>=(basic_id a, basic_id b) noexcept { return a.v_ >= b.v_; }
    friend constexpr bool operator==(basic_id a, no_index_t) noexcept { return a.none(); }
    friend constexpr bool operator!=(basic_id a, no_index_t) noexcept { return !a.none(); }
    friend constexpr bool operator==(no_index_t, basic_id a) noexcept { return a.none(); }
    friend constexpr bool operator!=(no_index_t, basic_id a) noexcept { return !a.none(); }

private:
    static constexpr value_type none_value = 0xFFFF;
    value_type v_ = none_value;
};

using state_id = basic_id<struct state_tag>;
using event_id = basic_id<struct event_tag>;
using role_id = basic_id<struct role_tag>;
using condition_id = basic_id<struct condition_tag>;
using window_id = basic_id<struct window_tag>;
using timer_id = basic_id<struct timer_tag>;
using obligation_id = basic_id<struct obligation_tag>;
using retention_id = basic_id<struct retention_tag>;
using version_id = basic_id<struct version_tag>;

// The kinds of rule that count a period: what a contested count, a scheduled move or an effect
// is about.
enum class rule_kind : std::uint8_t { window, timer, obligation, retention };

// One window, timer, obligation or retention: an id that knows its kind. The typed accessors
// give no_index for another kind, so a timer is never read as a window.
class counted_rule {
public:
    constexpr counted_rule() noexcept = default;
    constexpr counted_rule(no_index_t) noexcept {}
    constexpr counted_rule(window_id i) noexcept : kind_(rule_kind::window), v_(i.index()) {}
    constexpr counted_rule(timer_id i) noexcept : kind_(rule_kind::timer), v_(i.index()) {}
    constexpr counted_rule(obligation_id i) noexcept
        : kind_(rule_kind::obligation), v_(i.index()) {}
    constexpr counted_rule(retention_id i) noexcept : kind_(rule_kind::retention), v_(i.index()) {}

    constexpr rule_kind kind() const noexcept { return kind_; }
    constexpr bool none() const noexcept { return v_ == 0xFFFF; }
    constexpr window_id window() const noexcept { return as<window_id>(rule_kind::window); }
    constexpr timer_id timer() const noexcept { return as<timer_id>(rule_kind::timer); }
    constexpr obligation_id obligation() const noexcept {
        return as<obligation_id>(rule_kind::obligation);
    }
    constexpr retention_id retention() const noexcept {
        return as<retention_id>(rule_kind::retention);
    }

    friend constexpr bool operator==(counted_rule a, counted_rule b) noexcept {
        return a.kind_ == b.kind_ && a.v_ == b.v_;
    }
    friend constexpr bool operator!=(counted_rule a, counted_rule b) noexcept { return !(a == b); }
    friend constexpr bool operator==(counted_rule a, no_index_t) noexcept { return a.none(); }
    friend constexpr bool operator!=(counted_rule a, no_index_t) noexcept { return !a.none(); }

private:
    template <class Id>
    constexpr Id as(rule_kind k) const noexcept {
        return kind_ == k && !none() ? Id(std::size_t(v_)) : Id();
    }
    rule_kind kind_ = rule_kind::window;
    std::uint16_t v_ = 0xFFFF;
};

// The ids of a vector, 0 to size-1, for `for (state_id s : rules.states.ids())`.
template <class Id>
class id_range {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Id;
        using difference_type = std::ptrdiff_t;
        using pointer = const Id*;
        using reference = Id;
        constexpr iterator() noexcept = default;
        constexpr explicit iterator(std::size_t i) noexcept : i_(i) {}
        constexpr Id operator*() const noexcept { return Id(i_); }
        constexpr iterator& operator++() noexcept {
            ++i_;
            return *this;
        }
        constexpr iterator operator++(int) noexcept {
            iterator t = *this;
            ++i_;
            return t;
        }
        friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.i_ == b.i_; }
        friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.i_ != b.i_; }

    private:
        std::size_t i_ = 0;
    };
    constexpr explicit id_range(std::size_t n) noexcept : n_(n) {}
    constexpr iterator begin() const noexcept { return iterator(0); }
    constexpr iterator end() const noexcept { return iterator(n_); }

private:
    std::size_t n_;
};

// A std::vector indexed only by its own kind of id; iterates, grows and compares like one.
template <class T, class Id>
class indexed_vector {
    using base = std::vector<T>;

public:
    using value_type = T;
    using id_type = Id;
    using size_type = std::size_t;
    using iterator = typename base::iterator;
    using const_iterator = typename base::const_iterator;

    indexed_vector() = default;
    indexed_vector(std::initializer_list<T> items) : v_(items) {}
    explicit indexed_vector(std::size_t n, const T& value = T()) : v_(n, value) {}

    using reference = typename base::reference; // a proxy for bool, as in std::vector
    using const_reference = typename base::const_reference;

    reference operator[](Id i) noexcept { return v_[i.index()]; }
    const_reference operator[](Id i) const noexcept { return v_[i.index()]; }
    reference at(Id i) { return v_.at(i.index()); } // throws std::out_of_range
    const_reference at(Id i) const { return v_.at(i.index()); }
    // Whether `i` names an element (false for no_index).
    bool contains(Id i) const noexcept { return !i.none() && i.index() < v_.size(); }
    // The id of an element of this vector, from a reference to it.
    Id id_of(const T& item) const noexcept { return Id(std::size_t(&item - v_.data())); }
    // The id the next push_back() will get.
    Id next_id() const noexcept { return Id(v_.size()); }
    id_range<Id> ids() const noexcept { return id_range<Id>(v_.size()); }

    std::size_t size() const noexcept { return v_.size(); }
    std::size_t capacity() const noexcept { return v_.capacity(); }
    bool empty() const noexcept { return v_.empty(); }
    iterator begin() noexcept { return v_.begin(); }
    iterator end() noexcept { return v_.end(); }
    const_iterator begin() const noexcept { return v_.begin(); }
    const_iterator end() const noexcept { return v_.end(); }
    T& front() noexcept { return v_.front(); }
    const T& front() const noexcept { return v_.front(); }
    T& back() noexcept { return v_.back(); }
    const T& back() const noexcept { return v_.back(); }

    void push_back(const T& x) { v_.push_back(x); }
    void push_back(T&& x) { v_.push_back(std::move(x)); }
    template <class... A>
    T& emplace_back(A&&... a) {
        return v_.emplace_back(std::forward<A>(a)...);
    }
    void clear() noexcept { v_.clear(); }
    void reserve(std::size_t n) { v_.reserve(n); }
    void resize(std::size_t n) { v_.resize(n); }
    void resize(std::size_t n, const T& x) { v_.resize(n, x); }
    void assign(std::size_t n, const T& x) { v_.assign(n, x); }

    friend bool operator==(const indexed_vector& a, const indexed_vector& b) {
        return a.v_ == b.v_;
    }
    friend bool operator!=(const indexed_vector& a, const indexed_vector& b) {
        return a.v_ != b.v_;
    }

private:
    base v_;
};

} // namespace echeance

namespace std {
template <class Tag>
struct hash<echeance::basic_id<Tag>> {
    std::size_t operator()(echeance::basic_id<Tag> i) const noexcept { return i.index(); }
};
} // namespace std
