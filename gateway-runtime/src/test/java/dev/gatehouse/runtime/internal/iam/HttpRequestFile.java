package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP/1.1 request as AWS's signing test suites write it: request line, header lines (a line
 * starting with a space or tab continues the previous value, obs-fold), a blank line, the body.
 * The target is split at the first {@code ?} and left encoded, as a server receives it.
 */
record HttpRequestFile(String method, String path, String rawQuery, Headers headers, ByteBuffer body) {

  static HttpRequestFile read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int headEnd = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
    String head = new String(bytes, 0, headEnd < 0 ? bytes.length : headEnd, StandardCharsets.UTF_8);
    byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(bytes, headEnd + 2, bytes.length);
    String[] lines = head.split("\n");
    String requestLine = lines[0].strip();
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    // the target may hold a space (get-space), so the version is what follows the last one
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? null : target.substring(question + 1);

    List<String[]> fields = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
        String[] last = fields.get(fields.size() - 1);
        last[1] = last[1] + "\n" + line;
      } else if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        fields.add(new String[] {line.substring(0, colon), line.substring(colon + 1).stripLeading()});
      }
    }
    Headers.Builder headers = Headers.builder();
    fields.forEach(field -> headers.add(field[0], field[1]));
    return new HttpRequestFile(method, path, rawQuery, headers.build(), ByteBuffer.wrap(body));
  }

  private static int indexOf(byte[] bytes, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
