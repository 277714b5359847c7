#include <catch2/catch.hpp>

#include "hallyu/text.hpp"

namespace text = hallyu::text;

TEST_CASE("fold lower-cases Latin scripts and leaves Hangul alone", "[text]") {
  CHECK(text::fold("IU") == "iu");
  CHECK(text::fold("BLACKPINK Jennie") == "blackpink jennie");
  CHECK(text::fold("ÉCOLE Ŀ Ÿ") == "école ŀ ÿ");
  CHECK(text::fold("이지은") == "이지은");
  CHECK(text::fold("ＩＵ") == "iu");  // full-width letters as typed by Korean IMEs
}

TEST_CASE("fold composes decomposed Hangul (NFD from macOS file names)", "[text]") {
  // 이 = ᄋ + ᅵ, 지 = ᄌ + ᅵ, 은 = ᄋ + ᅳ + ᆫ
  std::string nfd = "\u110B\u1175\u110C\u1175\u110B\u1173\u11AB";
  CHECK(text::fold(nfd) == "이지은");
}

TEST_CASE("ASCII text folds by bytes exactly as the code-point path folds it", "[text]") {
  // A string with one non-ASCII character takes the decoding path; every ASCII byte before it must
  // fold, compact and yield initials as the byte path does on its own.
  for (int c = 1; c < 0x80; ++c) {
    std::string ascii(1, static_cast<char>(c));
    INFO(c);
    CHECK(text::fold(ascii + "\u00C9") == text::fold(ascii) + "\u00E9");
    CHECK(text::compact(ascii + "\u00C9") == text::compact(ascii) + "\u00E9");
    CHECK(text::hangul_initials(ascii + "\uAC00") == text::hangul_initials(ascii) + "\u3131");
  }
  CHECK(text::fold("Cha EUN-woo 1") == "cha eun-woo 1");
  CHECK(text::hangul_initials("Cha Eun-woo").empty());
  // Composition holds a character back until the next cannot join it, across ASCII and at the end.
  CHECK(text::fold("A\u1100\u1161\u11A8B\u1100\u1161") == "a\uAC01b\uAC00");
  CHECK(text::fold("\u1100") == "\u1100");
  CHECK(text::fold("\xFFx") == "\uFFFDx");  // malformed bytes fold to the replacement character
  CHECK(text::fold("").empty());
}

TEST_CASE("compact ignores spacing and punctuation", "[text]") {
  CHECK(text::compact("Cha Eun-woo") == "chaeunwoo");
  CHECK(text::compact("D.O.") == "do");
  CHECK(text::compact("(G)I-DLE") == "gidle");
  CHECK(text::compact("괜찮아, 사랑이야") == "괜찮아사랑이야");
}

TEST_CASE("hangul initials", "[text]") {
  CHECK(text::hangul_initials("아이유") == "ㅇㅇㅇ");
  CHECK(text::hangul_initials("도경수") == "ㄷㄱㅅ");
  CHECK(text::hangul_initials("IU") == "");
  CHECK(text::is_initials_query("ㄷㄱㅅ"));
  CHECK_FALSE(text::is_initials_query("도경수"));
  CHECK_FALSE(text::is_initials_query(""));
}

TEST_CASE("edit distance counts code points and stops early", "[text]") {
  CHECK(text::edit_distance("idle", "idol", 3) == 2);
  CHECK(text::edit_distance("idl", "idol", 3) == 1);
  CHECK(text::edit_distance("kitten", "sitting", 5) == 3);
  CHECK(text::edit_distance("아이유", "아이오", 3) == 1);
  CHECK(text::edit_distance("a", "abcdefgh", 2) == 3);  // capped at max + 1
}

TEST_CASE("display width counts wide characters twice", "[text]") {
  CHECK(text::display_width("IU") == 2);
  CHECK(text::display_width("아이유") == 6);
  CHECK(text::pad("아이유", 8) == "아이유  ");
}

TEST_CASE("quote and one_line keep messages on one safe line", "[text]") {
  CHECK(text::quote("a\nb") == "'a\\nb'");
  CHECK(text::quote(std::string(100, 'x'), 5) == "'xxxxx...'");
  CHECK(text::one_line("evil\u202Eeman") == "evil\\u202eeman");
  CHECK(text::has_forbidden_characters(std::string("a\0b", 3)));
  CHECK_FALSE(text::has_forbidden_characters("이지은 (IU) 🎤"));
  // Each forbidden kind, at the start, in the middle after multi-byte text, and at the end.
  for (const char* bad : {"\x1b", "\x7f", "\u0085", "\u202A", "\u202E", "\u2066", "\u2069"}) {
    INFO(bad);
    CHECK(text::has_forbidden_characters(std::string(bad) + "IU"));
    CHECK(text::has_forbidden_characters("이지은" + std::string(bad) + "IU"));
    CHECK(text::has_forbidden_characters("IU" + std::string(bad)));
  }
  CHECK_FALSE(text::has_forbidden_characters("\u2029\u2065\u206A\u202F"));  // neighbours of the ranges
}

TEST_CASE("utf-8 validity", "[text]") {
  CHECK(text::is_valid_utf8("이지은"));
  CHECK(text::is_valid_utf8("\xEF\xBF\xBD"));
  CHECK_FALSE(text::is_valid_utf8("\xC3\x28"));
  CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));  // surrogate
  // After ASCII (read byte by byte) the same rules hold: overlong, truncated at the end, stray continuation.
  CHECK_FALSE(text::is_valid_utf8("IU \xC0\xAF"));
  CHECK_FALSE(text::is_valid_utf8("IU \xE3\x81"));
  CHECK_FALSE(text::is_valid_utf8("IU \x80"));
  CHECK(text::is_valid_utf8(std::string("IU\0\x7F", 4)));
  // Every ASCII control is forbidden and every printable ASCII character is not.
  for (int c = 0; c < 0x80; ++c) {
    INFO(c);
    CHECK(text::has_forbidden_characters("IU" + std::string(1, static_cast<char>(c))) == (c < 0x20 || c == 0x7F));
  }
}

TEST_CASE("printable and json_string escape what steers a terminal", "[text][escaping]") {
  CHECK(text::printable("IU \xec\x9d\xb4\xec\xa7\x80\xec\x9d\x80") == "IU \xec\x9d\xb4\xec\xa7\x80\xec\x9d\x80");
  CHECK(text::printable("a\x1b[31mb\rc") == "a\\u001b[31mb\\rc");
  CHECK(text::printable(std::string("n\0u\xc2\x85l", 6)) == "n\\u0000u\\u0085l");
  CHECK(text::printable("\xe2\x80\xaa" "a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x81\xa9") == "\\u202aa\\u202eb\\u2066c\\u2069");
  CHECK(text::printable("bad \xff") == "bad \xef\xbf\xbd");
  CHECK(text::printable(std::string(5000, 'x')).size() == 5000);  // never cut
  CHECK(text::json_string("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(text::json_string("\x1b\xe2\x80\xae\xc2\x9b\x7f\xe2\x80\xa8") == "\"\\u001B\\u202E\\u009B\\u007F\\u2028\"");
  CHECK(text::json_string("\xff\xfe") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(text::json_string("\xec\x95\x84\xec\x9d\xb4\xec\x9c\xa0") == "\"\xec\x95\x84\xec\x9d\xb4\xec\x9c\xa0\"");
}
