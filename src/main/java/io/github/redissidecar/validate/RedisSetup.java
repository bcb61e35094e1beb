package io.github.redissidecar.validate;

import io.github.redissidecar.settings.ConfLine;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Redis as a deploy file describes it: what it boots with, the sidecar next to it, its container's limit.
 *
 * @param name how findings name it: {@code compose.yaml service redis-cache}
 * @param boot Redis's own directives (command line or redis.conf); empty when the input does not say
 * @param sidecar the sidecar's settings, when a sidecar watches this Redis
 * @param containerLimit the memory limit the kernel enforces on Redis's container, when there is one
 * @param limitFix how to give this kind of input a limit, for the finding that it has none
 * @param celeryBrokerOf the services whose Celery broker URL names this Redis ({@code worker (CELERY_BROKER_URL)})
 */
public record RedisSetup(String name, Optional<List<ConfLine>> boot, Optional<SidecarSettings> sidecar,
        OptionalLong containerLimit, String limitFix, List<String> celeryBrokerOf) {

    public RedisSetup(String name, Optional<List<ConfLine>> boot, Optional<SidecarSettings> sidecar,
            OptionalLong containerLimit, String limitFix) {
        this(name, boot, sidecar, containerLimit, limitFix, List.of());
    }
}
