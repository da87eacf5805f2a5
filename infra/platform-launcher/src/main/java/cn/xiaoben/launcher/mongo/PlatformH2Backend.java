package cn.xiaoben.launcher.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend plus the {@code hello} command, which mongo-java-server 1.47 only knows by its legacy name
 * {@code isMaster}. Spring Boot's {@code MongoHealthIndicator} runs {@code hello}; without this every service's
 * {@code /actuator/health} would be DOWN on the embedded stack.
 */
final class PlatformH2Backend extends H2Backend {

	PlatformH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if ("hello".equalsIgnoreCase(command)) {
			Document response = super.handleCommand(channel, databaseName, "ismaster", query);
			response.put("isWritablePrimary", Boolean.TRUE);
			return response;
		}
		return super.handleCommand(channel, databaseName, command, query);
	}
}
