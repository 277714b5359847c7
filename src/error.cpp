#include "hallyu/error.hpp"

#include "hallyu/text.hpp"

namespace hallyu {

// Messages may quote user data; keep them on one line whatever that data holds.
Error::Error(const std::string& message) : std::runtime_error(text::one_line(message)) {}

}  // namespace hallyu
