package net.suyuan.ledger.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Gives each test context's WebTestClient its own connection pool. By default it would use
 * reactor-netty's JVM-wide pool, keyed by host and port: test servers start on random ports, and
 * when a new context's server gets a port an earlier, closed context used, a kept-alive connection
 * to the old server could be handed out again and the request would wait for an answer that never
 * comes (the rare 5 s timeouts seen in CI right after a context started). A pool per context,
 * disposed with it, cannot hold a connection to another context's server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClientConnections {

  @Bean(destroyMethod = "dispose")
  ConnectionProvider testClientConnections() {
    return ConnectionProvider.builder("test-client").maxConnections(64).build();
  }

  @Bean
  WebTestClientBuilderCustomizer ownConnections(ConnectionProvider testClientConnections) {
    return builder ->
        builder.clientConnector(
            new ReactorClientHttpConnector(HttpClient.create(testClientConnections)));
  }
}
