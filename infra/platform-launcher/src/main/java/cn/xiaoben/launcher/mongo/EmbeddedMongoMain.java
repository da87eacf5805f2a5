package cn.xiaoben.launcher.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * {@code EmbeddedMongoMain --port 27017 --file var/mongo/xiaoben.mv [--bind 127.0.0.1]}: a MongoDB-wire server
 * backed by an H2 MVStore file. On SIGTERM the shutdown hook stops listening and closes the store so every
 * write is on disk.
 */
public final class EmbeddedMongoMain {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoMain.class);

	private EmbeddedMongoMain() {
	}

	public static void main(String[] args) throws Exception {
		int port = 27017;
		Path file = Path.of("var/mongo/xiaoben.mv");
		String bind = "127.0.0.1";
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[++i]);
				case "--file" -> file = Path.of(args[++i]);
				case "--bind" -> bind = args[++i];
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		H2Backend backend = new PlatformH2Backend(file.toAbsolutePath().toString());
		MongoServer server = new MongoServer(backend);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("shutting down");
			try {
				server.shutdownNow();
			}
			finally {
				backend.close();
				log.info("store closed");
				stopped.countDown();
			}
		}, "mongo-shutdown"));
		server.bind(bind, port);
		log.info("MongoDB-wire server listening on {}:{}, data in {}", bind, port, file.toAbsolutePath());
		stopped.await();
	}
}
