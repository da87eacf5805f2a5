package cn.xiaoben.launcher;

import java.nio.file.Path;

import cn.xiaoben.launcher.command.Console;
import cn.xiaoben.launcher.command.DemoCommand;
import cn.xiaoben.launcher.command.DownCommand;
import cn.xiaoben.launcher.command.KillCommand;
import cn.xiaoben.launcher.command.RestartCommand;
import cn.xiaoben.launcher.command.StatusCommand;
import cn.xiaoben.launcher.command.UpCommand;
import cn.xiaoben.launcher.config.CommandLine;
import cn.xiaoben.launcher.config.CommandLine.Invocation;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.ports.SocketPortProbe;

/** {@code java -jar platform-launcher.jar up|down|status|restart <c>|kill <c>|demo [options]}. */
public final class Platform {

	private Platform() {
	}

	public static void main(String[] args) {
		System.exit(run(args, Console.system()));
	}

	public static int run(String[] args, Console console) {
		Invocation invocation;
		try {
			invocation = CommandLine.parse(args, Path.of("").toAbsolutePath());
		}
		catch (CommandLine.UsageException ex) {
			console.error("error: %s", ex.getMessage());
			console.error(CommandLine.USAGE);
			return 2;
		}
		try {
			return dispatch(invocation, console);
		}
		catch (CommandLine.UsageException ex) {
			console.error("error: %s", ex.getMessage());
			console.error(CommandLine.USAGE);
			return 2;
		}
		catch (LauncherException | IllegalArgumentException ex) {
			console.error("error: %s", ex.getMessage());
			return 1;
		}
	}

	private static int dispatch(Invocation invocation, Console console) {
		LauncherConfig config = invocation.config();
		return switch (invocation.command()) {
			case "up" -> new UpCommand(config, console, new SocketPortProbe()).run();
			case "down", "stop" -> new DownCommand(config, console).run();
			case "status", "ps" -> new StatusCommand(config, console).run();
			case "restart" -> new RestartCommand(config, console, new SocketPortProbe()).run(component(invocation));
			case "kill" -> new KillCommand(config, console).run(component(invocation));
			case "demo" -> DemoCommand.run(config, console);
			case "help" -> {
				console.line(CommandLine.USAGE);
				yield 0;
			}
			default -> throw new CommandLine.UsageException("unknown command '" + invocation.command() + "'");
		};
	}

	private static String component(Invocation invocation) {
		if (invocation.component() == null) {
			throw new CommandLine.UsageException(invocation.command() + " needs a component name");
		}
		return invocation.component();
	}
}
