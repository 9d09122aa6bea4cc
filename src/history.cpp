// The history model: what a channel is called.
#include "echeance/history.hpp"

#include "detail/names.hpp"

namespace echeance {

std::string_view to_string(channel c) noexcept {
    return detail::channel_table.name(c);
}

} // namespace echeance
