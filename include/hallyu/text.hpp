// UTF-8 text handling for names: case folding that leaves Hangul intact, compact keys that ignore
// punctuation and spacing ("Cha Eun-woo" == "chaeunwoo"), edit distance for "did you mean",
// Hangul initial-consonant keys, terminal display width, and safe quoting for one-line messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hallyu::text {

// Code points of `s`; invalid UTF-8 bytes become U+FFFD.
std::vector<char32_t> decode(std::string_view s);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

// Lower-cases ASCII, Latin-1, Latin Extended-A and Greek/Cyrillic basics; maps full-width ASCII to
// ASCII; composes conjoining Hangul jamo (NFD input) into syllables. Hangul itself has no case.
std::string fold(std::string_view s);
// fold() with spaces and punctuation removed: the key that forgives "D.O." vs "do", "Eun-woo" vs "Eunwoo".
std::string compact(std::string_view s);
// Initial consonants of Hangul syllables ("아이유" -> "ㅇㅇㅇ"); empty when `s` has no Hangul syllable.
std::string hangul_initials(std::string_view s);
// True when every code point of `s` is a Hangul compatibility consonant (ㄱ..ㅎ): a choseong query.
bool is_initials_query(std::string_view s);

// Levenshtein distance over code points; returns max_distance + 1 as soon as it is exceeded.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance);

// The candidate nearest to `word` within max_distance edits (ties: the first), or "" when none is.
std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates, std::size_t max_distance = 3);
// " (did you mean 'x'?)" for a non-empty suggestion, else "".
std::string did_you_mean(std::string_view suggestion);

// "a, b,,c " -> {"a", "b", "c"}: the one reader of comma-separated lists (items trimmed, blanks dropped).
std::vector<std::string> split_list(std::string_view text);

// Columns a terminal uses to show `s` (wide East Asian characters take two).
std::size_t display_width(std::string_view s);
// `s` padded with spaces to `width` display columns (never cut).
std::string pad(std::string_view s, std::size_t width);

// `s` in single quotes for messages: control characters escaped, cut to `max_chars` code points with "...".
std::string quote(std::string_view s, std::size_t max_chars = 60);
// `s` on one line: newlines and other control characters escaped; cut to `max_chars` code points.
std::string one_line(std::string_view s, std::size_t max_chars = 2000);

// `s` safe to print on a terminal, whole: C0 controls (NUL, ESC, CR, ...), DEL, C1 controls and bidi
// embeddings/overrides/isolates (U+202A-202E, U+2066-2069) escaped as \n, \r, \t or \uXXXX;
// invalid UTF-8 as U+FFFD. Every text output of names and attribute values goes through it.
std::string printable(std::string_view s);
// `s` as a JSON string literal, quotes included: the same characters escaped as \uXXXX (and U+2028,
// U+2029), invalid UTF-8 as U+FFFD. What JsonWriter writes for every key and string.
std::string json_string(std::string_view s);

// Characters that never belong in an id or a name (C0/C1 controls, bidi overrides, NUL).
bool has_forbidden_characters(std::string_view s);

}  // namespace hallyu::text
