package io.jrm.it;

import io.jrm.testkit.RedisServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A client that speaks RESP over a plain socket and reads replies line by line, parsing nothing:
 * the test sees every byte Redis sent, so an extra reply cannot hide in a client library's state.
 */
final class RawClient implements AutoCloseable {
  /** Long enough for any command of a test; only a hung server gets there. */
  private static final int READ_TIMEOUT_MILLIS = 30_000;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  RawClient(RedisServer server) throws IOException {
    socket = new Socket(server.host(), server.port());
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
  }

  /** Sends one command as a RESP array of bulk strings, without reading its reply. */
  void send(String... command) throws IOException {
    StringBuilder resp = new StringBuilder().append('*').append(command.length).append("\r\n");
    for (String arg : command) {
      int length = arg.getBytes(StandardCharsets.UTF_8).length;
      resp.append('$').append(length).append("\r\n").append(arg).append("\r\n");
    }
    out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line Redis sent, without its CRLF. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
    throw new IOException("the server closed the connection");
  }

  /**
   * The next whole reply, its lines each ended by CRLF as sent: an aggregate ({@code *}, {@code %},
   * {@code ~}) with its elements, an attribute ({@code |}) with its entries and the reply it
   * annotates, a bulk or verbatim string with its text line.
   */
  String readReply() throws IOException {
    String line = readLine();
    StringBuilder reply = new StringBuilder(line).append("\r\n");
    char kind = line.charAt(0);
    if (kind == '*' || kind == '%' || kind == '~' || kind == '|') {
      int elements = Integer.parseInt(line.substring(1)) * (kind == '%' || kind == '|' ? 2 : 1);
      for (int i = 0; i < elements; i++) {
        reply.append(readReply());
      }
      if (kind == '|') {
        reply.append(readReply());
      }
    } else if ((kind == '$' || kind == '=') && !line.equals("$-1")) {
      reply.append(readLine()).append("\r\n"); // the tests' strings hold no CRLF
    }
    return reply.toString();
  }

  /**
   * The reply to {@code command} on RESP2, then, after {@code HELLO 3}, on RESP3; checks that the
   * connection is still in step after them.
   */
  static List<String> resp2AndResp3(RedisServer server, String... command) throws IOException {
    try (RawClient client = new RawClient(server)) {
      client.send(command);
      String resp2 = client.readReply();
      client.send("HELLO", "3");
      client.readReply();
      client.send(command);
      String resp3 = client.readReply();
      client.send("PING"); // the connection is still in step
      String pong = client.readReply();
      if (!pong.equals("+PONG\r\n")) {
        throw new IOException("out of step after " + List.of(command) + ": " + pong);
      }
      return List.of(resp2, resp3);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
