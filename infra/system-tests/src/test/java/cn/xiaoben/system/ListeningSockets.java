package cn.xiaoben.system;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The TCP sockets this Linux machine listens on, from {@code /proc/net/tcp} and {@code tcp6}: port → addresses. */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Map<Integer, List<String>> byPort() throws IOException {
        Map<Integer, List<String>> byPort = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (!columns[3].equals(LISTEN)) {
                    continue;
                }
                String[] local = columns[1].split(":");
                byPort.computeIfAbsent(Integer.parseInt(local[1], 16), p -> new ArrayList<>()).add(address(local[0]));
            }
        }
        return byPort;
    }

    /** /proc prints each 32-bit word of the address in host (little-endian) order. */
    private static String address(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        return InetAddress.getByAddress(raw).getHostAddress().replace("0:0:0:0:0:0:0:1", "::1");
    }
}
