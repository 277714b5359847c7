// The explorer page's files compiled into the binary, by path.
#include <string>

#include "hallyu/server/api.hpp"

namespace hallyu::embedded {
std::string_view web_index_html();
std::string_view web_app_js();
std::string_view web_style_css();
}  // namespace hallyu::embedded

namespace hallyu::server {

const Asset* find_asset(const std::string& path) {
  static const Asset index{embedded::web_index_html(), "text/html; charset=utf-8"};
  static const Asset app{embedded::web_app_js(), "text/javascript; charset=utf-8"};
  static const Asset style{embedded::web_style_css(), "text/css; charset=utf-8"};
  if (path == "/" || path == "/index.html") return &index;
  if (path == "/app.js") return &app;
  if (path == "/style.css") return &style;
  return nullptr;
}

}  // namespace hallyu::server
