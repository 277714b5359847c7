// The tokenizer: one pass over the bytes, tracking line and code-point column.
#include "hallyu/query/cypher/lexer.hpp"

#include <cctype>

#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

bool is_identifier_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_identifier_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skip_space_and_comments();
      Token t;
      t.at = here();
      if (i_ >= q_.size()) {
        t.type = TokenType::end;
        tokens.push_back(std::move(t));
        return tokens;
      }
      std::size_t start = i_;
      lex_one(t);
      t.length = i_ - start;
      tokens.push_back(std::move(t));
    }
  }

 private:
  Position here() const { return {line_, column_, i_}; }

  void advance() {
    unsigned char c = static_cast<unsigned char>(q_[i_++]);
    if (c == '\n') {
      ++line_, column_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column_;
    }
  }

  [[noreturn]] void fail(const std::string& message, Position at) const { throw QueryError(message, at, q_); }

  void skip_space_and_comments() {
    while (i_ < q_.size()) {
      char c = q_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        advance();
      } else if (c == '/' && i_ + 1 < q_.size() && q_[i_ + 1] == '/') {
        while (i_ < q_.size() && q_[i_] != '\n') advance();
      } else if (c == '/' && i_ + 1 < q_.size() && q_[i_ + 1] == '*') {
        Position at = here();
        advance(), advance();
        while (i_ + 1 < q_.size() && !(q_[i_] == '*' && q_[i_ + 1] == '/')) advance();
        if (i_ + 1 >= q_.size()) fail("unterminated comment", at);
        advance(), advance();
      } else {
        return;
      }
    }
  }

  void lex_one(Token& t) {
    unsigned char c = static_cast<unsigned char>(q_[i_]);
    if (is_identifier_start(c)) {
      std::size_t start = i_;
      while (i_ < q_.size() && is_identifier_char(static_cast<unsigned char>(q_[i_]))) advance();
      t.type = TokenType::identifier;
      t.text = std::string(q_.substr(start, i_ - start));
      return;
    }
    if (c == '`') {
      advance();
      t.type = TokenType::quoted_identifier;
      while (true) {
        if (i_ >= q_.size()) fail("unterminated `quoted name`", t.at);
        if (q_[i_] == '`') {
          if (i_ + 1 < q_.size() && q_[i_ + 1] == '`') {  // `` inside a quoted name is one backtick
            t.text += '`';
            advance(), advance();
            continue;
          }
          advance();
          break;
        }
        t.text += q_[i_];
        advance();
      }
      if (t.text.empty()) fail("empty `quoted name`", t.at);
      return;
    }
    if (is_digit(static_cast<char>(c)) || (c == '.' && i_ + 1 < q_.size() && is_digit(q_[i_ + 1]))) {
      lex_number(t);
      return;
    }
    if (c == '\'' || c == '"') {
      lex_string(t);
      return;
    }
    if (c == '$') {
      advance();
      std::size_t start = i_;
      if (i_ < q_.size() && q_[i_] == '`') {
        Token inner;
        lex_one(inner);
        t.type = TokenType::parameter;
        t.text = inner.text;
        return;
      }
      while (i_ < q_.size() && is_identifier_char(static_cast<unsigned char>(q_[i_]))) advance();
      if (i_ == start) fail("expected a parameter name after '$'", t.at);
      t.type = TokenType::parameter;
      t.text = std::string(q_.substr(start, i_ - start));
      return;
    }
    static constexpr std::string_view kTwo[] = {"<=", ">=", "<>", "!=", "..", "=~", "+="};
    t.type = TokenType::symbol;
    for (std::string_view two : kTwo) {
      if (q_.substr(i_, 2) == two) {
        t.text = std::string(two);
        advance(), advance();
        return;
      }
    }
    static constexpr std::string_view kOne = "()[]{},.:;|+-*/%^=<>";
    if (kOne.find(static_cast<char>(c)) != std::string_view::npos) {
      t.text = std::string(1, static_cast<char>(c));
      advance();
      return;
    }
    std::string shown;
    std::vector<char32_t> cps = text::decode(q_.substr(i_, 4));
    text::append_utf8(shown, cps.empty() ? U'?' : cps.front());
    fail("unexpected character " + text::quote(shown), t.at);
  }

  void lex_number(Token& t) {
    std::size_t start = i_;
    bool is_float = false;
    if (q_[i_] == '0' && i_ + 1 < q_.size() && (q_[i_ + 1] == 'x' || q_[i_ + 1] == 'X')) {
      advance(), advance();
      std::size_t digits = i_;
      while (i_ < q_.size() && std::isxdigit(static_cast<unsigned char>(q_[i_]))) advance();
      if (i_ == digits) fail("expected hexadecimal digits after '0x'", t.at);
      t.type = TokenType::integer;
      t.text = std::string(q_.substr(start, i_ - start));
      return;
    }
    while (i_ < q_.size() && is_digit(q_[i_])) advance();
    // "1..3" is a range: the dot belongs to "..", not to the number.
    if (i_ + 1 < q_.size() && q_[i_] == '.' && is_digit(q_[i_ + 1])) {
      is_float = true;
      advance();
      while (i_ < q_.size() && is_digit(q_[i_])) advance();
    }
    if (i_ < q_.size() && (q_[i_] == 'e' || q_[i_] == 'E')) {
      std::size_t save = i_;
      std::size_t j = i_ + 1;
      if (j < q_.size() && (q_[j] == '+' || q_[j] == '-')) ++j;
      if (j < q_.size() && is_digit(q_[j])) {
        while (i_ < j) advance();
        while (i_ < q_.size() && is_digit(q_[i_])) advance();
        is_float = true;
      } else {
        i_ = save;
      }
    }
    if (i_ < q_.size() && is_identifier_start(static_cast<unsigned char>(q_[i_]))) {
      fail("a number may not run into a name", t.at);
    }
    t.type = is_float ? TokenType::floating : TokenType::integer;
    t.text = std::string(q_.substr(start, i_ - start));
  }

  void lex_string(Token& t) {
    char quote = q_[i_];
    advance();
    t.type = TokenType::string;
    while (true) {
      if (i_ >= q_.size()) fail("unterminated string", t.at);
      char c = q_[i_];
      if (c == quote) {
        advance();
        return;
      }
      if (c != '\\') {
        // Copy a run of plain bytes at once: a 1 MB literal stays linear.
        std::size_t start = i_;
        while (i_ < q_.size() && q_[i_] != quote && q_[i_] != '\\') advance();
        t.text.append(q_.substr(start, i_ - start));
        continue;
      }
      Position escape_at = here();
      advance();
      if (i_ >= q_.size()) fail("unterminated string", t.at);
      char e = q_[i_];
      advance();
      switch (e) {
        case '\\': t.text += '\\'; break;
        case '\'': t.text += '\''; break;
        case '"': t.text += '"'; break;
        case 'n': t.text += '\n'; break;
        case 't': t.text += '\t'; break;
        case 'r': t.text += '\r'; break;
        case 'b': t.text += '\b'; break;
        case 'f': t.text += '\f'; break;
        case 'u':
        case 'U': {
          std::size_t digits = e == 'u' ? 4 : 8;
          if (i_ + digits > q_.size()) fail("expected " + std::to_string(digits) + " hex digits after \\" + e, escape_at);
          std::uint32_t cp = 0;
          for (std::size_t k = 0; k < digits; ++k) {
            char h = q_[i_];
            if (!std::isxdigit(static_cast<unsigned char>(h))) {
              fail("expected " + std::to_string(digits) + " hex digits after \\" + e, escape_at);
            }
            cp = cp * 16 + static_cast<std::uint32_t>(is_digit(h) ? h - '0' : (std::tolower(h) - 'a' + 10));
            advance();
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("invalid code point in escape", escape_at);
          text::append_utf8(t.text, static_cast<char32_t>(cp));
          break;
        }
        default: fail(std::string("unknown escape \\") + e, escape_at);
      }
    }
  }

  std::string_view q_;
  std::size_t i_ = 0, line_ = 1, column_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    throw QueryError("the query is " + std::to_string(query.size()) + " bytes long; the limit is " +
                     std::to_string(kMaxQueryBytes), ErrorCategory::too_costly);
  }
  return Lexer(query).run();
}

std::string describe(const Token& token) {
  switch (token.type) {
    case TokenType::end: return "end of input";
    case TokenType::string: return "string " + text::quote(token.text, 30);
    case TokenType::parameter: return "parameter $" + token.text;
    case TokenType::quoted_identifier: return "`" + text::one_line(token.text, 30) + "`";
    default: return text::quote(token.text, 30);
  }
}

}  // namespace hallyu::query::cypher
