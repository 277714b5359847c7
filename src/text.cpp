// Text for people: folding, Hangul keys, edit distance, display width, quoting, lists.
#include "hallyu/text.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace hallyu::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i], advancing i; returns kReplacement for malformed input.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + length > s.size()) {
    ++i;
    return kReplacement;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  return cp;
}

char32_t fold_code_point(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0x80) return cp;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;          // Latin-1 capitals
  if (cp == 0x178) return 0xFF;                                          // Y with diaeresis
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
    // Latin Extended-A alternates capital/small, with the parity flipping at U+0139 and U+0179.
    bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    bool is_capital = odd_capitals ? (cp % 2 == 1) : (cp % 2 == 0);
    return is_capital ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;         // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                         // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';             // full-width A-Z
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + '!';             // other full-width ASCII
  if (cp == 0x3000) return ' ';
  return cp;
}

// Conjoining jamo ranges of Unicode's Hangul composition algorithm.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kSCount = kLCount * kVCount * kTCount;

// Composes `cp` into `last` when they are a leading consonant + vowel or a syllable without a final +
// a final consonant (Unicode's Hangul composition); false when `cp` starts a new character.
bool compose_into(char32_t& last, char32_t cp) {
  if (last >= kLBase && last < kLBase + kLCount && cp >= kVBase && cp < kVBase + kVCount) {
    last = kSBase + ((last - kLBase) * kVCount + (cp - kVBase)) * kTCount;
    return true;
  }
  if (last >= kSBase && last < kSBase + kSCount && (last - kSBase) % kTCount == 0 && cp > kTBase &&
      cp < kTBase + kTCount) {
    last = last + (cp - kTBase);
    return true;
  }
  return false;
}

std::vector<char32_t> compose_hangul(const std::vector<char32_t>& in) {
  std::vector<char32_t> out;
  out.reserve(in.size());
  for (char32_t cp : in) {
    if (!out.empty() && compose_into(out.back(), cp)) continue;
    out.push_back(cp);
  }
  return out;
}

bool is_separator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0x30FB || (cp >= 0xFE10 && cp <= 0xFE6F);
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }
// Controls and the bidi embeddings, overrides and isolates that can reorder what a reader sees.
bool is_forbidden(char32_t cp) { return is_control(cp) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// Compatibility jamo for the 19 initial consonants, in syllable order.
constexpr char32_t kInitialJamo[kLCount] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                            0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                            0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

void append_escaped(std::string& out, char32_t cp) {
  static const char* kHex = "0123456789abcdef";
  if (cp == '\n') {
    out += "\\n";
  } else if (cp == '\t') {
    out += "\\t";
  } else if (cp == '\r') {
    out += "\\r";
  } else if (is_forbidden(cp)) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
  } else {
    append_utf8(out, cp);
  }
}

}  // namespace

std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII is valid as it is
      ++i;
      continue;
    }
    std::size_t before = i;
    if (next_code_point(s, i) == kReplacement) {
      // A literal U+FFFD is valid; a decoding failure advanced by one byte only.
      if (i - before != 3 || s.substr(before, 3) != "\xEF\xBF\xBD") return false;
    }
  }
  return true;
}

// Most names and every synthetic id are ASCII: folding those is a byte loop, not a decode into code
// points and a Hangul composition pass (which cost the name index three allocations per key).
namespace {
bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
}  // namespace

std::string fold(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(fold_code_point(static_cast<unsigned char>(c)));
    return out;
  }
  // Decoded, folded and composed in one pass, holding back the last character while the next may
  // still compose into it.
  std::string out;
  out.reserve(s.size());
  char32_t last = 0;
  bool holding = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = fold_code_point(next_code_point(s, i));
    if (holding && compose_into(last, cp)) continue;
    if (holding) append_utf8(out, last);
    last = cp, holding = true;
  }
  if (holding) append_utf8(out, last);
  return out;
}

std::string compact(std::string_view s) {
  std::string folded = fold(s);
  std::string out;
  out.reserve(folded.size());
  if (is_ascii(folded)) {
    for (char c : folded) {
      if (!is_separator(static_cast<unsigned char>(c))) out.push_back(c);
    }
    return out;
  }
  for (char32_t cp : decode(folded)) {
    if (!is_separator(cp)) append_utf8(out, cp);
  }
  return out;
}

std::string hangul_initials(std::string_view s) {
  std::string out;
  if (is_ascii(s)) return out;
  for (char32_t cp : compose_hangul(decode(s))) {
    if (cp >= kSBase && cp < kSBase + kSCount) append_utf8(out, kInitialJamo[(cp - kSBase) / (kVCount * kTCount)]);
  }
  return out;
}

bool is_initials_query(std::string_view s) {
  std::vector<char32_t> cps = decode(s);
  if (cps.empty()) return false;
  return std::all_of(cps.begin(), cps.end(), [](char32_t cp) { return cp >= 0x3131 && cp <= 0x314E; });
}

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates, std::size_t max_distance) {
  std::string best;
  std::size_t best_distance = max_distance + 1;
  for (std::string_view candidate : candidates) {
    std::size_t d = edit_distance(word, candidate, max_distance);
    if (d < best_distance) best_distance = d, best = std::string(candidate);
  }
  return best;
}

std::string did_you_mean(std::string_view suggestion) {
  return suggestion.empty() ? std::string() : " (did you mean " + quote(suggestion) + "?)";
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> parts;
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return parts;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
  std::vector<char32_t> x = decode(a), y = decode(b);
  std::size_t gap = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
  if (gap > max_distance) return max_distance + 1;
  std::vector<std::size_t> previous(y.size() + 1), current(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    current[0] = i;
    std::size_t row_minimum = current[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      row_minimum = std::min(row_minimum, current[j]);
    }
    if (row_minimum > max_distance) return max_distance + 1;
    std::swap(previous, current);
  }
  return std::min(previous[y.size()], max_distance + 1);
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (char32_t cp : decode(s)) {
    if (is_control(cp) || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)) continue;
    width += is_wide(cp) ? 2 : 1;
  }
  return width;
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  std::size_t used = display_width(s);
  if (used < width) out.append(width - used, ' ');
  return out;
}

std::string quote(std::string_view s, std::size_t max_chars) {
  // Appending, not "'" + std::string&&: GCC 12 at -O3 reports a false -Wrestrict on that (bug 105329).
  std::string out = "'";
  out += one_line(s, max_chars);
  out += '\'';
  return out;
}

std::string one_line(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (count == max_chars) {
      out += "...";
      break;
    }
    append_escaped(out, next_code_point(s, i));
    ++count;
  }
  return out;
}

std::string printable(std::string_view s) { return one_line(s, std::numeric_limits<std::size_t>::max()); }

std::string json_string(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";  // as RapidJSON writes \u001B
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (is_forbidden(cp) || cp == 0x2028 || cp == 0x2029) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
    } else {
      append_utf8(out, cp);
    }
  }
  out += '"';
  return out;
}

bool has_forbidden_characters(std::string_view s) {
  // Code point by code point, without decoding into a vector: every loaded string passes here.
  for (std::size_t i = 0; i < s.size();) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {  // most text: its controls are the only forbidden ASCII
      if (byte < 0x20 || byte == 0x7F) return true;
      ++i;
    } else if (is_forbidden(next_code_point(s, i))) {
      return true;
    }
  }
  return false;
}

}  // namespace hallyu::text
