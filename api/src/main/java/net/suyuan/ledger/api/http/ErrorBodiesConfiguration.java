package net.suyuan.ledger.api.http;

import io.netty.channel.ChannelPipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** Installs {@link ErrorBodies} on every server connection, right after the HTTP codec. */
@Configuration(proxyBeanMethods = false)
class ErrorBodiesConfiguration {

  @Bean
  NettyServerCustomizer errorBodies(
      JsonMapper json,
      HtmlErrorPages pages,
      @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLine,
      @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
    ErrorBodies.Limits limits =
        new ErrorBodies.Limits(maxInitialLine.toBytes(), maxHeaders.toBytes());
    return server ->
        server.doOnChannelInit(
            (observer, channel, remote) -> {
              ChannelPipeline pipeline = channel.pipeline();
              if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(
                    NettyPipeline.HttpCodec,
                    "ledger.errorBodies",
                    new ErrorBodies(json, limits, pages));
              }
            });
  }
}
