// The history model: what a channel is called.
#include "echeance/history.hpp"

namespace echeance {

std::string_view to_string(channel c) noexcept {
    switch (c) {
    case channel::none:
        return "";
    case channel::web:
        return "web";
    case channel::phone:
        return "phone";
    case channel::post:
        return "post";
    case channel::office:
        return "office";
    case channel::email:
        return "email";
    case channel::other:
        return "other";
    }
    return "";
}

} // namespace echeance
