package cn.xiaoben.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The MongoDB-wire server ({@code mongo-java-server}) for tests: one per test JVM, on a free port, spoken to through
 * the real MongoDB Java driver. Each Spring context gets a database of its own.
 */
public final class MongoWireServer {

    private static MongoServer server;

    private MongoWireServer() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            // bind() without arguments takes a free port on the loopback interface
            InetSocketAddress address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            port = address.getPort();
        }
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    private static int port;
}
