// `hallyu serve`'s HTTP layer on Boost.Beast/Asio: one event loop owns every socket (a slow or idle
// client costs a few kilobytes and a timer, never a thread), a small pool runs the API, and every
// response, the HTTP layer's own errors included, carries the same security headers.
#include "hallyu/server/server.hpp"

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <atomic>
#include <latch>
#include <thread>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBodyBytes = 16 * 1024;
constexpr unsigned kMaxRequestsPerConnection = 100;

using StringResponse = http::response<http::string_body>;

// The page may load only what it shipped with: no inline scripts, no other origins.
void secure(StringResponse& res) {
  res.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set(http::field::cache_control, "no-store");
}

StringResponse make_response(unsigned version, int status, std::string content_type, std::string body) {
  StringResponse res{static_cast<http::status>(status), version};
  res.set(http::field::content_type, content_type);
  res.body() = std::move(body);
  secure(res);
  return res;
}

StringResponse error_response(unsigned version, int status, const std::string& message) {
  std::string body = "{\"error\":" + text::json_string(message) + "}";
  StringResponse res = make_response(version, status, "application/json", std::move(body));
  res.keep_alive(false);
  return res;
}

int from_hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; '+' is a space in query strings only; a broken escape stays as written.
std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && from_hex(s[i + 1]) >= 0 && from_hex(s[i + 2]) >= 0) {
      out += static_cast<char>(from_hex(s[i + 1]) * 16 + from_hex(s[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}


std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Request parse_target(std::string_view target) {
  Request request;
  std::size_t question = target.find('?');
  request.path = url_decode(target.substr(0, question), false);
  if (question == std::string_view::npos) return request;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      std::string name = url_decode(pair.substr(0, eq), true);
      std::string value = eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1), true);
      request.params.emplace(std::move(name), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return request;
}

// Whether a Host header names this server (DNS rebinding: a hostile page whose name resolves to
// 127.0.0.1 sends its own name). The name must be a loopback name, the --bind address, the address
// the client connected to (an IP literal cannot be rebound), or one of `allowed_hosts` ("*": any);
// a port, when given, must be the one listening. Without a port the request came to port 80.
bool host_allowed(std::string_view host, const ServeOptions& options, int port, const std::string& local_address) {
  std::string name, port_text;
  if (!host.empty() && host.front() == '[') {  // [::1]:8080
    std::size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    name = lower(host.substr(0, close + 1));
    std::string_view rest = host.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port_text = std::string(rest.substr(1));
    }
  } else {
    std::size_t colon = host.rfind(':');
    name = lower(host.substr(0, colon));
    if (colon != std::string_view::npos) port_text = std::string(host.substr(colon + 1));
  }
  if (!name.empty() && name.back() == '.') name.pop_back();  // "localhost." is localhost
  if (name.empty()) return false;
  if (port_text.empty() ? port != 80 : port_text != std::to_string(port)) return false;
  auto bracketed = [](const std::string& address) {
    return address.find(':') != std::string::npos ? "[" + address + "]" : address;
  };
  std::vector<std::string> names = {"localhost", "127.0.0.1", "[::1]", lower(bracketed(options.bind)), lower(bracketed(local_address))};
  for (const std::string& extra : options.allowed_hosts) {
    if (extra == "*") return true;
    names.push_back(lower(extra));
  }
  return std::find(names.begin(), names.end(), name) != names.end();
}

namespace {

// Endpoints whose cost grows with the graph and the parameters run on their own pool, so that a
// few expensive requests cannot queue ahead of the cheap ones (stats, search, entity, ...).
bool is_expensive(const std::string& path) {
  return path == "/api/centrality" || path == "/api/clusters" || path == "/api/render.svg" || path == "/api/crossovers";
}

struct Shared {
  const Api& api;
  const ServeOptions& options;
  asio::thread_pool& workers;
  asio::thread_pool& heavy_workers;
  int port = 0;
  // A session usually ends on the I/O thread, but may end on a worker that held it last.
  std::atomic<std::size_t> open_connections{0};
};

// One connection: read a request within the deadline, answer it, repeat while kept alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.open_connections;
    beast::error_code ec;
    auto local = stream_.socket().local_endpoint(ec);
    if (!ec) local_address_ = local.address().to_string();
  }
  ~Session() { --shared_.open_connections; }

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    // One deadline for the wait and the whole request: an idle connection closes, and a request
    // trickled one header line at a time is cut off, either way within request_timeout.
    stream_.expires_after(shared_.options.request_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted || ec == asio::error::eof) {
      return close();
    }
    if (ec == http::error::header_limit) return reply(error_response(11, 431, "request header fields too large"));
    if (ec == http::error::body_limit) return reply(error_response(11, 413, "request body too large"));
    if (ec) {
      if (buffer_.size() == 0 && !parser_->got_some()) return close();
      return reply(error_response(11, 400, "malformed request"));
    }
    const auto& req = parser_->get();
    ++requests_;
    unsigned version = req.version();
    bool head = req.method() == http::verb::head;
    if (req.method() != http::verb::get && !head) {
      StringResponse res = error_response(version, 405, "only GET is supported");
      res.set(http::field::allow, "GET, HEAD");
      return reply(std::move(res));
    }
    auto host = req.find(http::field::host);
    if (host == req.end()) return reply(error_response(version, 400, "missing Host header"));
    if (!host_allowed(std::string_view(host->value().data(), host->value().size()), shared_.options, shared_.port, local_address_)) {
      return reply(error_response(version, 403, "host " + text::quote(std::string(host->value())) + " is not this server"));
    }
    std::string_view target(req.target().data(), req.target().size());
    if (target.empty() || target.front() != '/') return reply(error_response(version, 400, "request target must be a path"));
    bool keep_alive = req.keep_alive() && requests_ < kMaxRequestsPerConnection;
    Request request = parse_target(target);
    // Range is ignored (RFC 9110 allows it): every answer is whole, so no Range header can multiply
    // a response, and error bodies are never cut.
    if (request.path.rfind("/api/", 0) == 0) {
      if (std::optional<Response> kept = shared_.api.cached(request)) {
        // Already computed (stats, whole-graph scores): answered here, never queued behind computing.
        StringResponse res = make_response(version, kept->status, kept->content_type, std::move(kept->body));
        res.keep_alive(keep_alive && res.keep_alive());
        return reply(std::move(res), head);
      }
      // The API may compute for a while: off the I/O thread, answered back on it.
      asio::thread_pool& pool = is_expensive(request.path) ? shared_.heavy_workers : shared_.workers;
      // Whether the client hung up while the API works: a peek at the socket (it stays open, since the
      // session is held), so long work stops early (query::Interrupt).
      int fd = stream_.socket().native_handle();
      request.client_gone = [fd] {
        char byte;
        return ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
      };
      asio::post(pool, [self = shared_from_this(), request = std::move(request), version, keep_alive, head] {
        StringResponse res;
        try {
          Response response = self->shared_.api.handle(request);
          res = make_response(version, response.status, response.content_type, std::move(response.body));
        } catch (...) {
          res = error_response(version, 500, "internal error");
        }
        res.keep_alive(keep_alive && res.keep_alive());
        asio::post(self->stream_.get_executor(), [self, res = std::move(res), head]() mutable { self->reply(std::move(res), head); });
      });
      return;
    }
    StringResponse res;
    if (const Asset* asset = find_asset(request.path)) {
      res = make_response(version, 200, asset->content_type, std::string(asset->body));
    } else {
      res = make_response(version, 404, "text/plain; charset=utf-8", "not found\n");
    }
    res.keep_alive(keep_alive);
    reply(std::move(res), head);
  }

  void reply(StringResponse res, bool head = false) {
    response_ = std::move(res);
    response_.prepare_payload();
    if (head) response_.body().clear();  // Content-Length stays that of the GET answer
    stream_.expires_after(shared_.options.write_timeout);
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (!self->response_.keep_alive()) return self->finish();
      self->read();
    });
  }

  // After a last response: stop sending, then read and drop what the client still sends for a
  // moment, so that closing with unread data (a TCP reset) cannot destroy the response in flight.
  void finish() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(1));
    drain();
  }
  void drain() {
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || ++self->drained_ > 64) return self->close();
      self->drain();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_{kMaxHeaderBytes + kMaxBodyBytes};
  std::optional<http::request_parser<http::string_body>> parser_;
  StringResponse response_;
  std::string local_address_;
  unsigned requests_ = 0;
  std::array<char, 4096> scratch_;
  unsigned drained_ = 0;
};

}  // namespace

constexpr int kHeavyNice = 10;

// Declaration order is destruction order reversed: sessions die with `io`, and use `shared`.
struct Server::Impl {
  Api api;
  ServeOptions options;
  asio::thread_pool workers, heavy_workers;
  Shared shared{api, options, workers, heavy_workers};
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  Impl(const Graph& graph, ServeOptions o)
      : api(graph),
        options(std::move(o)),
        workers(options.workers != 0 ? options.workers : std::max(4u, std::thread::hardware_concurrency())),
        heavy_workers(heavy_thread_count()) {
    lower_priority(heavy_workers, heavy_thread_count());
  }

  static unsigned heavy_thread_count() { return std::max(2u, std::thread::hardware_concurrency()); }

  // Expensive work (whole-graph centrality, clusters, renderings) runs niced, so that on a busy machine
  // the I/O thread and cheap requests get the cores first: a search or /api/stats is not slowed by a
  // betweenness computation (Linux nices threads one by one). One task per thread, held at a latch until
  // every thread has taken one, so each thread lowers its own priority exactly once.
  static void lower_priority(asio::thread_pool& pool, unsigned threads) {
    std::latch all(static_cast<std::ptrdiff_t>(threads));
    for (unsigned i = 0; i < threads; ++i) {
      asio::post(pool, [&all] {
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kHeavyNice);  // best effort: a failure leaves it as is
        all.arrive_and_wait();
      });
    }
    all.wait();
  }

  void accept() {
    acceptor.async_accept(io, [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec) {
        if (shared.open_connections >= options.max_connections) {
          beast::error_code ignored;
          socket.close(ignored);  // over the limit: refused at once rather than queued
        } else {
          std::make_shared<Session>(std::move(socket), shared)->start();
        }
      }
      accept();
    });
  }
};

Server::Server(const Graph& graph, ServeOptions options) : impl_(std::make_unique<Impl>(graph, std::move(options))) {}

Server::~Server() {
  impl_->io.stop();
  impl_->workers.join();  // before `io` goes: a running API call posts its answer there
  impl_->heavy_workers.join();
}

void Server::run(const std::function<void(int port)>& on_listening) {
  Impl& impl = *impl_;
  const ServeOptions& o = impl.options;
  auto refuse = [&] {
    return UsageError("cannot listen on " + o.bind + ":" + std::to_string(o.port) + " (in use, or not an address of this machine?)");
  };
  beast::error_code ec;
  tcp::endpoint endpoint;
  asio::ip::address address = asio::ip::make_address(o.bind, ec);
  if (!ec) {
    endpoint = {address, static_cast<unsigned short>(o.port)};
  } else {  // a name such as "localhost"
    tcp::resolver resolver(impl.io);
    auto found = resolver.resolve(o.bind, std::to_string(o.port), ec);
    if (ec || found.empty()) throw refuse();
    endpoint = found.begin()->endpoint();
  }
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw refuse();
  impl.shared.port = impl.acceptor.local_endpoint().port();
  on_listening(impl.shared.port);
  impl.accept();
  impl.io.run();
}

void Server::stop() {
  asio::post(impl_->io, [&impl = *impl_] {
    beast::error_code ec;
    impl.acceptor.close(ec);
    impl.io.stop();
  });
}

}  // namespace hallyu::server
