package cn.xiaoben.launcher.component;

/** How a component is started and probed. */
public enum Kind {

	/** The MongoDB-wire server, run from the launcher's own classpath. */
	MONGO,

	/** The Kafka broker (KRaft), run from the launcher's own classpath. */
	KAFKA,

	/** A Spring Boot fat jar with a MongoDB database of its own. */
	SERVICE,

	/** The Spring Boot gateway (no database). */
	GATEWAY
}
