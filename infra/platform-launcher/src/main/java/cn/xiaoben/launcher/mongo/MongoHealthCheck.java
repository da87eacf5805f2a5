package cn.xiaoben.launcher.mongo;

import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.xiaoben.launcher.health.HealthCheck;

/** The MongoDB-wire server is healthy when it answers {@code ping} and {@code hello} (what Spring Boot asks). */
public final class MongoHealthCheck implements HealthCheck {

	private final int port;

	public MongoHealthCheck(int port) {
		this.port = port;
	}

	@Override
	public boolean isHealthy() {
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(3, TimeUnit.SECONDS))
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			Document ping = client.getDatabase("admin").runCommand(new Document("ping", 1));
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
			return isOk(ping) && isOk(hello);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean isOk(Document answer) {
		return answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
	}
}
