package dev.bulwark.advisories.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.testing.SharedFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("OSV exports downloaded over HTTP, resumed after an interruption")
class UrlOsvSourceTest {
  @TempDir
  Path tmp;
  ServerSocket server;
  final List<String> ranges = new CopyOnWriteArrayList<>();

  /**
   * A tiny HTTP/1.1 server on loopback serving {@code body} at /npm/all.zip (with Range support);
   * while {@code cut} is set, it announces the full length, sends half and drops the connection.
   */
  URI serve(byte[] body, AtomicBoolean cut) throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    var thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          answer(s, body, cut);
        } catch (IOException e) {
          // closed by the test, or the client went away
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void answer(Socket s, byte[] body, AtomicBoolean cut) throws IOException {
    var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    String requestLine = in.readLine();
    String range = null;
    for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
      if (h.toLowerCase().startsWith("range:")) {
        range = h.substring(6).strip();
      }
    }
    OutputStream out = s.getOutputStream();
    if (requestLine == null || !requestLine.contains("/npm/all.zip")) {
      out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return;
    }
    ranges.add(String.valueOf(range));
    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("\\D+(\\d+)-.*", "$1"));
    String head = (range == null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes "
        + from + "-" + (body.length - 1) + "/" + body.length + "\r\n")
        + "Content-Length: " + (body.length - from) + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    int to = cut.getAndSet(false) ? body.length / 2 : body.length;
    out.write(body, from, to - from);
    out.flush();
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anInterruptedDownloadResumesWhereItStoppedAndImportsEveryRecord() throws Exception {
    byte[] zip = Files.readAllBytes(SharedFixtures.osv().resolve("npm.zip"));
    URI base = serve(zip, new AtomicBoolean(true));
    var progress = new ArrayList<ResumableDownload.Progress>();
    var source = new UrlOsvSource(base.resolve("/npm/all.zip"), tmp.resolve("downloads"), progress::add);

    assertThatThrownBy(source::download).isInstanceOf(IOException.class);
    Path file = source.download();

    assertThat(Files.readAllBytes(file)).isEqualTo(zip);
    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0)).isEqualTo("null");
    assertThat(ranges.get(1)).startsWith("bytes=").isNotEqualTo("bytes=0-");
    assertThat(progress).last().satisfies(p -> assertThat(p.received()).isEqualTo(zip.length));
    var store = AdvisoryStore.open(tmp.resolve("store"));
    var result = store.importFrom(source);
    assertThat(result.problems()).isEmpty();
    assertThat(store.ecosystems()).anySatisfy(e -> {
      assertThat(e.name()).isEqualTo("npm");
      assertThat(e.records()).isEqualTo(171);
    });
  }

  @Test
  void anHttpErrorIsReportedWithTheUrlAndStatus() throws Exception {
    URI base = serve(new byte[0], new AtomicBoolean(false));
    var source = new UrlOsvSource(base.resolve("/missing.zip"), tmp, p -> { });
    assertThatThrownBy(source::download).hasMessageContaining("HTTP 404").hasMessageContaining("/missing.zip");
  }
}
