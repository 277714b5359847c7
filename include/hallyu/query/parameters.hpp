// The parameters of a request as every front end receives them: named text values (the CLI's
// options, the API's query string), read here once with one set of rules for numbers, flags and
// comma lists. Each operation declares its parameters in an OperationSpec, from which the CLI builds
// its options and its help and against which the API checks what a client sent.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hallyu::query {

struct ParameterSpec {
  enum class Type { text, integer, real, flag, list, names };
  std::string name;  // neutral name, as in messages and the API: "exclude_kinds"
  Type type = Type::text;
  std::string help;
  bool positional = false;  // the CLI takes it as a positional argument (required there)
  std::string cli_names;    // extra CLI spellings, CLI11 style ("-k", "--type"); the flag --name-with-dashes is implied
};

struct OperationSpec {
  std::string name;     // "path": the CLI command and the API route /api/path
  std::string summary;  // one line for help
  std::vector<ParameterSpec> parameters;
  std::string footer;  // longer help, optional
  const ParameterSpec* find(std::string_view parameter) const;
};

// "a,b,,c" -> {"a","b","c"}: the one comma-list reader (blank items are dropped, spaces trimmed).
std::vector<std::string> split_list(std::string_view text);

// Values by parameter name. A parameter may be given several times (repeatable lists and names).
class Parameters {
 public:
  Parameters() = default;
  explicit Parameters(std::multimap<std::string, std::string> values) : values_(std::move(values)) {}
  void add(std::string name, std::string value) { values_.emplace(std::move(name), std::move(value)); }
  const std::multimap<std::string, std::string>& values() const { return values_; }

  bool has(std::string_view name) const;
  // The last value given (empty values count as not given).
  std::optional<std::string> text(std::string_view name) const;
  std::string required(std::string_view name) const;  // UsageError "missing parameter 'x'"
  // Whole numbers and reals are parsed strictly: "12x", "nan", "inf", "1e999", "-1" for a count are
  // errors naming the parameter. Ranges are the operation's to check (see validate in each request).
  std::optional<long long> integer(std::string_view name) const;
  std::optional<std::uint64_t> count(std::string_view name) const;  // a whole number >= 0
  std::optional<double> real(std::string_view name) const;          // finite
  bool flag(std::string_view name) const;  // given with no value, "1", "true", "yes"; "0", "false", "no" are false
  // Every value given, each split on commas (kinds, relation types, ids).
  std::vector<std::string> list(std::string_view name) const;
  // Every value given, whole: names may contain commas ("Love, Lies").
  std::vector<std::string> all(std::string_view name) const;

  // Throws UsageError for a parameter the operation does not take, with the nearest valid name.
  void check_known(const OperationSpec& spec) const;

 private:
  std::multimap<std::string, std::string> values_;
};

// Range checks every request's validate() shares; messages name the parameter.
void check_range(std::string_view name, long long value, long long low, long long high);
void check_range(std::string_view name, double value, double low, double high);
// Any whole-number types (sizes, unsigned counts); values past INT64_MAX count as INT64_MAX.
template <typename V, typename L, typename H>
requires std::is_integral_v<V> && std::is_integral_v<L> && std::is_integral_v<H>
void check_range(std::string_view name, V value, L low, H high) {
  auto wide = [](auto x) {
    if constexpr (std::is_unsigned_v<decltype(x)>) {
      return static_cast<long long>(std::min<unsigned long long>(x, static_cast<unsigned long long>(INT64_MAX)));
    } else {
      return static_cast<long long>(x);
    }
  };
  check_range(name, wide(value), wide(low), wide(high));
}

}  // namespace hallyu::query
