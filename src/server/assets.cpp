// The explorer page's files compiled into the binary, by path.
#include <string>

#include "hallyu/server/api.hpp"

namespace hallyu::embedded {
std::string_view web_index_html();
std::string_view web_app_js();
std::string_view web_style_css();
std::string_view web_vendor_sigma_min_js();
std::string_view web_vendor_graphology_umd_min_js();
}  // namespace hallyu::embedded

namespace hallyu::server {

const Asset* find_asset(const std::string& path) {
  static const Asset index{embedded::web_index_html(), "text/html; charset=utf-8"};
  static const Asset app{embedded::web_app_js(), "text/javascript; charset=utf-8"};
  static const Asset style{embedded::web_style_css(), "text/css; charset=utf-8"};
  // The graph drawing libraries, as their packages publish them (web/vendor/README.md).
  static const Asset sigma{embedded::web_vendor_sigma_min_js(), "text/javascript; charset=utf-8"};
  static const Asset graphology{embedded::web_vendor_graphology_umd_min_js(), "text/javascript; charset=utf-8"};
  if (path == "/" || path == "/index.html") return &index;
  if (path == "/app.js") return &app;
  if (path == "/style.css") return &style;
  if (path == "/vendor/sigma.min.js") return &sigma;
  if (path == "/vendor/graphology.umd.min.js") return &graphology;
  return nullptr;
}

}  // namespace hallyu::server
