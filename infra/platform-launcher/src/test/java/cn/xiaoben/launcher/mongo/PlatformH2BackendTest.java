package cn.xiaoben.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

class PlatformH2BackendTest {

	@Test
	void answersHelloAndKeepsDataAcrossRestarts(@TempDir Path dir) {
		String file = dir.resolve("xiaoben.mv").toString();
		MongoServer server = new MongoServer(new PlatformH2Backend(file));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
			assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
			client.getDatabase("xiaoben_test").getCollection("docs").insertOne(new Document("name", "城关第一小学"));
		}
		finally {
			server.shutdownNow();
		}

		MongoServer restarted = new MongoServer(new PlatformH2Backend(file));
		InetSocketAddress again = restarted.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again.getPort())) {
			MongoCollection<Document> docs = client.getDatabase("xiaoben_test").getCollection("docs");
			Document first = docs.find().first();
			assertThat(first).isNotNull();
			assertThat(first.getString("name")).isEqualTo("城关第一小学");
		}
		finally {
			restarted.shutdownNow();
		}
	}
}
