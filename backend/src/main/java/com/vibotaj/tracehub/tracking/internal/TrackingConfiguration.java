package com.vibotaj.tracehub.tracking.internal;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
/*
 * ShedLock for every singleton job of the application (tracking, events, notifications, compliance).
 * defaultLockAtLeastFor: a job that finishes in milliseconds would otherwise release its lock before
 * the same cron firing reaches the other instances (their schedulers fire a little later: clock skew,
 * a busy CPU), and each of them would run it again; ops/test/scaleout.bats saw every firing of the
 * daily jobs run on two or three of three instances. Holding the lock 10 s after a run covers that
 * skew; fixed-delay jobs (redelivery, mail sender) then run at most once per 10 s across instances.
 */
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", defaultLockAtLeastFor = "PT10S")
@EnableConfigurationProperties(PollingProperties.class)
class TrackingConfiguration {

    /** Database time, so instances with skewed clocks agree on who holds a lock. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
