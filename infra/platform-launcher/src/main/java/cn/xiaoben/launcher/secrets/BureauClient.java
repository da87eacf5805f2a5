package cn.xiaoben.launcher.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bureau console's OAuth client; its secret is generated on the first {@code up} and kept in
 * {@code var/secrets/bureau-client.json} (mode 600).
 */
public record BureauClient(String clientId, String clientSecret) {

	public static final String CLIENT_ID = "bureau-console";

	private static final ObjectMapper JSON = new ObjectMapper();

	public static Path file(Path secretsDir) {
		return secretsDir.resolve("bureau-client.json");
	}

	public static BureauClient loadOrCreate(Path secretsDir) {
		Path file = file(secretsDir);
		try {
			if (Files.exists(file)) {
				return JSON.readValue(file.toFile(), BureauClient.class);
			}
			Files.createDirectories(secretsDir);
			restrict(secretsDir, "rwx------");
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			BureauClient client = new BureauClient(CLIENT_ID,
					Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
			Path tmp = secretsDir.resolve("bureau-client.json.tmp");
			JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), client);
			restrict(tmp, "rw-------");
			Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return client;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write " + file, ex);
		}
	}

	private static void restrict(Path path, String permissions) {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system: keep the default permissions
		}
	}
}
