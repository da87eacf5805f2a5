package cn.xiaoben.gateway.ratelimit;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/** Whose budget a request spends: the token's subject once authenticated, else the client's address. */
final class ClientKeys {

    private ClientKeys() {
    }

    static Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> "sub:" + token.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
