package cn.xiaoben.activity.portfolio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortfolioProperties.class)
class PortfolioConfiguration {
}
