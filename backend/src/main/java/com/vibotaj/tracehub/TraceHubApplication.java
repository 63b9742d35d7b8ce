package com.vibotaj.tracehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// Event listeners with side effects (notifications, audit) run asynchronously after commit, so a slow
// or failing one never delays or fails the user's request.
@EnableAsync
@Modulithic(sharedModules = "platform")
public class TraceHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(TraceHubApplication.class, args);
    }
}
