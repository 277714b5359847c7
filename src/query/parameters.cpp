// Reading request parameters: strict numbers, flags, comma lists, unknown names, ranges.
#include "hallyu/query/parameters.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {
namespace {

std::string shown(std::string_view value) { return text::quote(value, 40); }

}  // namespace

const ParameterSpec* OperationSpec::find(std::string_view parameter) const {
  for (const ParameterSpec& p : parameters) {
    if (p.name == parameter) return &p;
  }
  return nullptr;
}

std::vector<std::string> split_list(std::string_view text) { return text::split_list(text); }

bool Parameters::has(std::string_view name) const { return text(name).has_value(); }

std::optional<std::string> Parameters::text(std::string_view name) const {
  auto [begin, end] = values_.equal_range(std::string(name));
  std::optional<std::string> last;
  for (auto it = begin; it != end; ++it) {
    if (!it->second.empty()) last = it->second;
  }
  return last;
}

std::string Parameters::required(std::string_view name) const {
  auto value = text(name);
  if (!value) throw UsageError("missing parameter '" + std::string(name) + "'");
  return *value;
}

std::optional<long long> Parameters::integer(std::string_view name) const {
  auto value = text(name);
  if (!value) return std::nullopt;
  long long parsed = 0;
  const char* first = value->data();
  const char* last = first + value->size();
  if (first != last && *first == '+') ++first;
  auto [end, ec] = std::from_chars(first, last, parsed);
  if (ec == std::errc::result_out_of_range) {
    throw UsageError(std::string(name) + " " + shown(*value) + " is out of range");
  }
  if (ec != std::errc() || end != last)
    throw UsageError(std::string(name) + " must be a whole number, not " + shown(*value));
  return parsed;
}

std::optional<std::uint64_t> Parameters::count(std::string_view name) const {
  auto value = integer(name);
  if (!value) return std::nullopt;
  if (*value < 0) throw UsageError(std::string(name) + " must not be negative (got " + std::to_string(*value) + ")");
  return static_cast<std::uint64_t>(*value);
}

std::optional<double> Parameters::real(std::string_view name) const {
  auto value = text(name);
  if (!value) return std::nullopt;
  // strtod accepts "nan", "inf" and hex floats; a request wants plain decimal numbers only.
  for (char c : *value) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      throw UsageError(std::string(name) + " must be a number, not " + shown(*value));
    }
  }
  char* end = nullptr;
  double parsed = std::strtod(value->c_str(), &end);
  if (value->empty() || end != value->c_str() + value->size()) {
    throw UsageError(std::string(name) + " must be a number, not " + shown(*value));
  }
  if (!std::isfinite(parsed)) throw UsageError(std::string(name) + " " + shown(*value) + " is out of range");
  return parsed;
}

bool Parameters::flag(std::string_view name) const {
  auto [begin, end] = values_.equal_range(std::string(name));
  if (begin == end) return false;
  std::string value = std::prev(end)->second;
  if (value.empty() || value == "1" || value == "true" || value == "yes") return true;
  if (value == "0" || value == "false" || value == "no") return false;
  throw UsageError(std::string(name) + " must be true or false, not " + shown(value));
}

std::vector<std::string> Parameters::list(std::string_view name) const {
  std::vector<std::string> out;
  auto [begin, end] = values_.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) {
    for (std::string& part : split_list(it->second)) out.push_back(std::move(part));
  }
  return out;
}

std::vector<std::string> Parameters::all(std::string_view name) const {
  std::vector<std::string> out;
  auto [begin, end] = values_.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) {
    if (!it->second.empty()) out.push_back(it->second);
  }
  return out;
}

void Parameters::check_known(const OperationSpec& spec) const {
  for (const auto& [name, value] : values_) {
    if (spec.find(name)) continue;
    std::vector<std::string_view> names;
    for (const ParameterSpec& p : spec.parameters) names.push_back(p.name);
    throw UsageError(spec.name + " takes no parameter " + text::quote(name) +
                     text::did_you_mean(text::nearest(name, names)));
  }
}

void check_range(std::string_view name, long long value, long long low, long long high) {
  if (value < low || value > high) {
    throw UsageError(std::string(name) + " must be from " + std::to_string(low) + " to " + std::to_string(high) +
                     " (got " + std::to_string(value) + ")");
  }
}

void check_range(std::string_view name, double value, double low, double high) {
  if (!(value >= low && value <= high)) {
    char message[200];
    std::snprintf(message, sizeof message, " must be from %g to %g (got %g)", low, high, value);
    throw UsageError(std::string(name) + message);
  }
}

}  // namespace hallyu::query
