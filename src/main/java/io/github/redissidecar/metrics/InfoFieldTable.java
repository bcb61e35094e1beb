package io.github.redissidecar.metrics;

import static io.github.redissidecar.metrics.Conversion.USEC_TO_SECONDS;

import java.util.List;

/**
 * The declarative INFO field → metric table. Names and types are redis_exporter's (see
 * shared/reference/redis_exporter_metrics.tsv), so existing dashboards and alert rules keep working; HELP texts
 * are ours. A field the server does not report simply produces no series. Labelled series (keyspace,
 * commandstats, errorstats, replication, instance info) are built by {@link LabelledSeries}.
 */
public final class InfoFieldTable {

    public static final List<InfoField> FIELDS = List.of(
            // Server
            gauge("uptime_in_seconds", "redis_uptime_in_seconds", "Seconds since the Redis server started."),
            gauge("process_id", "redis_process_id", "PID of the Redis server process."),
            gauge("io_threads_active", "redis_io_threads_active", "1 when Redis's I/O threads are active."),
            gauge("hz", "redis_hz", "The server's current frequency of background tasks."),
            gauge("configured_hz", "redis_configured_hz", "The configured frequency of background tasks (hz)."),
            // Clients
            gauge("cluster_connections", "redis_cluster_connections", "Connections of the cluster bus."),
            gauge("connected_clients", "redis_connected_clients", "Client connections, replicas excluded."),
            gauge("blocked_clients", "redis_blocked_clients", "Clients blocked in a blocking call (BLPOP, WAIT, ...)."),
            gauge("maxclients", "redis_max_clients", "The maxclients setting: the most client connections Redis accepts."),
            gauge("tracking_clients", "redis_tracking_clients", "Clients with client-side caching tracking on."),
            gauge("clients_in_timeout_table", "redis_clients_in_timeout_table", "Clients in the timeout table of blocking calls."),
            gauge("pubsub_clients", "redis_pubsub_clients", "Clients in pub/sub mode."),
            gauge("watching_clients", "redis_watching_clients", "Clients in WATCH."),
            gauge("total_watched_keys", "redis_total_watched_keys", "Keys watched by WATCH."),
            gauge("total_blocking_keys", "redis_total_blocking_keys", "Keys that blocked clients wait on."),
            gauge("total_blocking_keys_on_nokey", "redis_total_blocking_keys_on_nokey", "Keys that blocked clients wait on until the key is deleted."),
            gauge("client_longest_output_list", "redis_client_longest_output_list", "Longest output list among current client connections."),
            gauge("client_biggest_input_buf", "redis_client_biggest_input_buf", "Biggest input buffer among current client connections."),
            gauge("client_recent_max_output_buffer", "redis_client_recent_max_output_buffer_bytes", "Biggest output buffer among recent client connections, in bytes."),
            gauge("client_recent_max_input_buffer", "redis_client_recent_max_input_buffer_bytes", "Biggest input buffer among recent client connections, in bytes."),
            // Memory
            gauge("allocator_active", "redis_allocator_active_bytes", "Bytes in the allocator's active pages, fragmentation included."),
            gauge("allocator_allocated", "redis_allocator_allocated_bytes", "Bytes allocated by the allocator, internal fragmentation included."),
            gauge("allocator_resident", "redis_allocator_resident_bytes", "Bytes resident in the allocator, releasable pages included."),
            gauge("allocator_frag_ratio", "redis_allocator_frag_ratio", "Allocator fragmentation: allocator_active / allocator_allocated."),
            gauge("allocator_frag_bytes", "redis_allocator_frag_bytes", "Allocator fragmentation in bytes: allocator_active - allocator_allocated."),
            gauge("allocator_muzzy", "redis_allocator_muzzy_bytes", "Bytes in the allocator's muzzy pages."),
            gauge("allocator_rss_ratio", "redis_allocator_rss_ratio", "allocator_resident / allocator_active."),
            gauge("allocator_rss_bytes", "redis_allocator_rss_bytes", "allocator_resident - allocator_active, in bytes."),
            gauge("used_memory", "redis_memory_used_bytes", "Bytes allocated by Redis (used_memory): what maxmemory is compared against."),
            gauge("used_memory_rss", "redis_memory_used_rss_bytes", "Resident set size of the Redis process in bytes, as the kernel (and the OOM killer) sees it."),
            gauge("used_memory_peak", "redis_memory_used_peak_bytes", "Highest used_memory since start, in bytes."),
            gauge("used_memory_lua", "redis_memory_used_lua_bytes", "Bytes used by the Lua engine."),
            gauge("used_memory_vm_eval", "redis_memory_used_vm_eval_bytes", "Bytes used by the EVAL script engine."),
            gauge("used_memory_scripts_eval", "redis_memory_used_scripts_eval_bytes", "Bytes of overhead of EVAL scripts."),
            gauge("used_memory_overhead", "redis_memory_used_overhead_bytes", "Bytes Redis spends on managing its data: buffers, dictionaries, replication backlog."),
            gauge("used_memory_startup", "redis_memory_used_startup_bytes", "Bytes Redis used right after start."),
            gauge("used_memory_dataset", "redis_memory_used_dataset_bytes", "Bytes of the data set: used_memory minus used_memory_overhead."),
            gauge("number_of_cached_scripts", "redis_number_of_cached_scripts", "Cached EVAL scripts."),
            gauge("number_of_functions", "redis_number_of_functions", "Loaded functions."),
            gauge("number_of_libraries", "redis_number_of_libraries", "Loaded function libraries."),
            gauge("used_memory_vm_functions", "redis_memory_used_vm_functions_bytes", "Bytes used by the functions engine."),
            gauge("used_memory_scripts", "redis_memory_used_scripts_bytes", "Bytes of overhead of scripts and functions."),
            gauge("used_memory_functions", "redis_memory_used_functions_bytes", "Bytes of overhead of functions."),
            gauge("used_memory_vm_total", "redis_memory_used_vm_total", "Bytes used by all script engines (used_memory_vm_eval + used_memory_vm_functions)."),
            gauge("maxmemory", "redis_memory_max_bytes", "The maxmemory setting in bytes; 0 means no limit."),
            gauge("mem_fragmentation_ratio", "redis_mem_fragmentation_ratio", "used_memory_rss / used_memory: above 1.5 the process holds much more than the data needs."),
            gauge("mem_fragmentation_bytes", "redis_mem_fragmentation_bytes", "used_memory_rss - used_memory, in bytes."),
            gauge("mem_clients_slaves", "redis_mem_clients_slaves", "Bytes used by replica client buffers."),
            gauge("mem_clients_normal", "redis_mem_clients_normal", "Bytes used by normal client buffers."),
            gauge("mem_cluster_links", "redis_mem_cluster_links_bytes", "Bytes used by cluster bus links."),
            gauge("mem_aof_buffer", "redis_mem_aof_buffer_bytes", "Bytes used by the AOF buffer."),
            gauge("mem_replication_backlog", "redis_mem_replication_backlog_bytes", "Bytes used by the replication backlog."),
            gauge("mem_not_counted_for_evict", "redis_mem_not_counted_for_eviction_bytes", "Bytes not counted against maxmemory for eviction (replica and AOF buffers)."),
            gauge("mem_total_replication_buffers", "redis_mem_total_replication_buffers_bytes", "Bytes used by replication buffers."),
            gauge("mem_overhead_db_hashtable_rehashing", "redis_mem_overhead_db_hashtable_rehashing_bytes", "Bytes used by database hash tables being rehashed."),
            gauge("lazyfree_pending_objects", "redis_lazyfree_pending_objects", "Objects waiting to be freed by lazyfree."),
            gauge("lazyfreed_objects", "redis_lazyfreed_objects", "Objects freed by lazyfree."),
            gauge("active_defrag_running", "redis_active_defrag_running", "Percentage of CPU the active defragmenter may use; 0 when not running."),
            // Memory (vendor fork)
            gauge("maxmemory_reservation", "redis_memory_max_reservation_bytes", "Memory reservation in bytes (vendor fork)."),
            gauge("maxmemory_desired_reservation", "redis_memory_max_reservation_desired_bytes", "Desired memory reservation in bytes (vendor fork)."),
            gauge("maxfragmentationmemory_reservation", "redis_memory_max_fragmentation_reservation_bytes", "Fragmentation memory reservation in bytes (vendor fork)."),
            gauge("maxfragmentationmemory_desired_reservation", "redis_memory_max_fragmentation_reservation_desired_bytes", "Desired fragmentation memory reservation in bytes (vendor fork)."),
            // Stats
            gauge("expired_stale_perc", "redis_expired_stale_percentage", "Estimated percentage of keys that are expired but not yet removed."),
            gauge("migrate_cached_sockets", "redis_migrate_cached_sockets_total", "Sockets cached by MIGRATE."),
            gauge("active_defrag_hits", "redis_defrag_hits", "Value reallocations done by the active defragmenter."),
            gauge("active_defrag_misses", "redis_defrag_misses", "Value reallocations the active defragmenter started and aborted."),
            gauge("active_defrag_key_hits", "redis_defrag_key_hits", "Keys actively defragmented."),
            gauge("active_defrag_key_misses", "redis_defrag_key_misses", "Keys the active defragmenter skipped."),
            gauge("current_eviction_exceeded_time", "redis_current_eviction_exceeded_time_ms", "Milliseconds used_memory has been above maxmemory right now."),
            gauge("pubsub_channels", "redis_pubsub_channels", "Pub/sub channels with subscribers."),
            gauge("pubsub_patterns", "redis_pubsub_patterns", "Pub/sub patterns with subscribers."),
            gauge("pubsubshard_channels", "redis_pubsubshard_channels", "Shard pub/sub channels with subscribers."),
            gauge("latest_fork_usec", "redis_latest_fork_seconds", "Duration of the latest fork in seconds.", USEC_TO_SECONDS),
            gauge("tracking_total_keys", "redis_tracking_total_keys", "Keys tracked for client-side caching."),
            gauge("tracking_total_items", "redis_tracking_total_items", "Items tracked for client-side caching."),
            gauge("tracking_total_prefixes", "redis_tracking_total_prefixes", "Prefixes tracked for client-side caching."),
            gauge("instantaneous_eventloop_cycles_per_sec", "redis_instantaneous_eventloop_cycles_per_sec", "Event loop cycles per second."),
            gauge("instantaneous_eventloop_duration_usec", "redis_instantaneous_eventloop_duration_usec", "Average event loop cycle time in microseconds."),
            gauge("slave_expires_tracked_keys", "redis_slave_expires_tracked_keys", "Keys tracked for expiry on a writable replica."),
            gauge("sync_full", "redis_replica_resyncs_full", "Full resynchronisations with replicas."),
            gauge("sync_partial_ok", "redis_replica_partial_resync_accepted", "Partial resynchronisations accepted."),
            gauge("sync_partial_err", "redis_replica_partial_resync_denied", "Partial resynchronisations denied."),
            counter("total_connections_received", "redis_connections_received_total", "Connections accepted since start."),
            counter("total_commands_processed", "redis_commands_processed_total", "Commands processed since start."),
            counter("rejected_connections", "redis_rejected_connections_total", "Connections rejected because of maxclients."),
            counter("total_net_input_bytes", "redis_net_input_bytes_total", "Bytes read from the network."),
            counter("total_net_output_bytes", "redis_net_output_bytes_total", "Bytes written to the network."),
            counter("total_net_repl_input_bytes", "redis_net_repl_input_bytes_total", "Bytes read from the network for replication."),
            counter("total_net_repl_output_bytes", "redis_net_repl_output_bytes_total", "Bytes written to the network for replication."),
            counter("expired_subkeys", "redis_expired_subkeys_total", "Hash fields expired."),
            counter("expired_keys", "redis_expired_keys_total", "Keys expired."),
            counter("expired_time_cap_reached_count", "redis_expired_time_cap_reached_total", "Active expire cycles stopped early by their time limit."),
            counter("expire_cycle_cpu_milliseconds", "redis_expire_cycle_cpu_time_ms_total", "CPU milliseconds spent in active expiry."),
            counter("evicted_keys", "redis_evicted_keys_total", "Keys evicted because of maxmemory."),
            counter("evicted_clients", "redis_evicted_clients_total", "Clients evicted because of maxmemory-clients."),
            counter("evicted_scripts", "redis_evicted_scripts_total", "Scripts evicted."),
            counter("total_eviction_exceeded_time", "redis_eviction_exceeded_time_ms_total", "Milliseconds used_memory has spent above maxmemory since start."),
            counter("keyspace_hits", "redis_keyspace_hits_total", "Successful key lookups."),
            counter("keyspace_misses", "redis_keyspace_misses_total", "Failed key lookups."),
            counter("eventloop_cycles", "redis_eventloop_cycles_total", "Event loop cycles."),
            counter("eventloop_duration_sum", "redis_eventloop_duration_sum_usec_total", "Microseconds spent in the event loop."),
            counter("eventloop_duration_cmd_sum", "redis_eventloop_duration_cmd_sum_usec_total", "Microseconds spent executing commands in the event loop."),
            counter("unexpected_error_replies", "redis_unexpected_error_replies", "Unexpected error replies (AOF load or replication errors)."),
            counter("total_error_replies", "redis_total_error_replies", "Error replies sent to clients."),
            counter("dump_payload_sanitizations", "redis_dump_payload_sanitizations", "Deep sanitisations of RESTORE payloads."),
            counter("total_reads_processed", "redis_total_reads_processed", "Read events processed."),
            counter("total_writes_processed", "redis_total_writes_processed", "Write events processed."),
            counter("io_threaded_reads_processed", "redis_io_threaded_reads_processed", "Read events processed by I/O threads."),
            counter("io_threaded_writes_processed", "redis_io_threaded_writes_processed", "Write events processed by I/O threads."),
            counter("client_query_buffer_limit_disconnections", "redis_client_query_buffer_limit_disconnections_total", "Clients disconnected for exceeding the query buffer limit."),
            counter("client_output_buffer_limit_disconnections", "redis_client_output_buffer_limit_disconnections_total", "Clients disconnected for exceeding the output buffer limit."),
            counter("reply_buffer_shrinks", "redis_reply_buffer_shrinks_total", "Reply buffer shrinks."),
            counter("reply_buffer_expands", "redis_reply_buffer_expands_total", "Reply buffer expansions."),
            counter("acl_access_denied_auth", "redis_acl_access_denied_auth_total", "Authentication failures."),
            counter("acl_access_denied_cmd", "redis_acl_access_denied_cmd_total", "Commands denied by ACL."),
            counter("acl_access_denied_key", "redis_acl_access_denied_key_total", "Key accesses denied by ACL."),
            counter("acl_access_denied_channel", "redis_acl_access_denied_channel_total", "Channel accesses denied by ACL."),
            // Persistence
            gauge("loading", "redis_loading_dump_file", "1 while Redis loads its dump or AOF file."),
            gauge("async_loading", "redis_async_loading", "1 while Redis loads replication data asynchronously."),
            gauge("rdb_changes_since_last_save", "redis_rdb_changes_since_last_save", "Changes since the last RDB save: what a crash now would lose without AOF."),
            gauge("rdb_bgsave_in_progress", "redis_rdb_bgsave_in_progress", "1 while an RDB background save runs."),
            gauge("rdb_last_save_time", "redis_rdb_last_save_timestamp_seconds", "Unix time of the last successful RDB save."),
            gauge("rdb_last_bgsave_status", "redis_rdb_last_bgsave_status", "1 when the last RDB background save succeeded, 0 when it failed."),
            gauge("rdb_last_bgsave_time_sec", "redis_rdb_last_bgsave_duration_sec", "Seconds the last RDB background save took; -1 when none ran."),
            gauge("rdb_current_bgsave_time_sec", "redis_rdb_current_bgsave_duration_sec", "Seconds the running RDB background save has taken; -1 when none runs."),
            gauge("rdb_saves", "redis_rdb_saves_total", "RDB saves since start."),
            gauge("rdb_last_cow_size", "redis_rdb_last_cow_size_bytes", "Copy-on-write bytes of the last RDB save's fork: memory the fork added."),
            gauge("rdb_last_load_keys_expired", "redis_rdb_last_load_expired_keys", "Keys found expired while loading the last RDB file."),
            gauge("rdb_last_load_keys_loaded", "redis_rdb_last_load_loaded_keys", "Keys loaded from the last RDB file."),
            gauge("aof_enabled", "redis_aof_enabled", "1 when append-only file persistence is on."),
            gauge("aof_rewrite_in_progress", "redis_aof_rewrite_in_progress", "1 while an AOF rewrite runs."),
            gauge("aof_rewrite_scheduled", "redis_aof_rewrite_scheduled", "1 when an AOF rewrite waits for a running RDB save."),
            gauge("aof_last_rewrite_time_sec", "redis_aof_last_rewrite_duration_sec", "Seconds the last AOF rewrite took; -1 when none ran."),
            gauge("aof_current_rewrite_time_sec", "redis_aof_current_rewrite_duration_sec", "Seconds the running AOF rewrite has taken; -1 when none runs."),
            gauge("aof_last_cow_size", "redis_aof_last_cow_size_bytes", "Copy-on-write bytes of the last AOF rewrite's fork."),
            gauge("aof_current_size", "redis_aof_current_size_bytes", "Current AOF size in bytes."),
            gauge("aof_base_size", "redis_aof_base_size_bytes", "AOF size at the last start or rewrite, in bytes."),
            gauge("aof_pending_rewrite", "redis_aof_pending_rewrite", "1 when an AOF rewrite is pending."),
            gauge("aof_buffer_length", "redis_aof_buffer_length", "Bytes in the AOF buffer."),
            gauge("aof_rewrite_buffer_length", "redis_aof_rewrite_buffer_length", "Bytes in the AOF rewrite buffer."),
            gauge("aof_pending_bio_fsync", "redis_aof_pending_bio_fsync", "fsync jobs pending in the background I/O queue."),
            gauge("aof_delayed_fsync", "redis_aof_delayed_fsync", "Delayed AOF fsyncs."),
            gauge("aof_last_bgrewrite_status", "redis_aof_last_bgrewrite_status", "1 when the last AOF rewrite succeeded, 0 when it failed."),
            gauge("aof_last_write_status", "redis_aof_last_write_status", "1 when the last AOF write succeeded, 0 when it failed."),
            gauge("module_fork_in_progress", "redis_module_fork_in_progress", "1 while a module fork runs."),
            gauge("module_fork_last_cow_size", "redis_module_fork_last_cow_size", "Copy-on-write bytes of the last module fork."),
            // Replication
            gauge("connected_slaves", "redis_connected_slaves", "Connected replicas."),
            gauge("repl_backlog_size", "redis_replication_backlog_bytes", "Replication backlog size in bytes."),
            gauge("repl_backlog_active", "redis_repl_backlog_is_active", "1 when the replication backlog is active."),
            gauge("repl_backlog_first_byte_offset", "redis_repl_backlog_first_byte_offset", "Replication offset of the backlog's first byte."),
            gauge("repl_backlog_histlen", "redis_repl_backlog_history_bytes", "Bytes of data in the replication backlog."),
            gauge("master_repl_offset", "redis_master_repl_offset", "The server's replication offset."),
            gauge("second_repl_offset", "redis_second_repl_offset", "Offset up to which the previous replication ID is accepted."),
            gauge("slave_priority", "redis_slave_priority", "The replica's priority for failover."),
            // KeyDB (INFO)
            gauge("server_threads", "redis_server_threads_total", "Server threads (KeyDB)."),
            gauge("long_lock_waits", "redis_long_lock_waits_total", "Long lock waits (KeyDB)."),
            gauge("current_client_thread", "redis_current_client_thread", "Current client thread (KeyDB)."),
            counter("cached_keys", "redis_cached_keys_total", "Keys cached in memory (KeyDB with storage provider)."),
            counter("storage_provider_read_hits", "redis_storage_provider_read_hits", "Storage provider read hits (KeyDB)."),
            counter("storage_provider_read_misses", "redis_storage_provider_read_misses", "Storage provider read misses (KeyDB)."),
            // CPU
            counter("used_cpu_sys", "redis_cpu_sys_seconds_total", "System CPU seconds used by Redis."),
            counter("used_cpu_user", "redis_cpu_user_seconds_total", "User CPU seconds used by Redis."),
            counter("used_cpu_sys_children", "redis_cpu_sys_children_seconds_total", "System CPU seconds used by Redis's forks (saves, rewrites)."),
            counter("used_cpu_user_children", "redis_cpu_user_children_seconds_total", "User CPU seconds used by Redis's forks (saves, rewrites)."),
            counter("used_cpu_sys_main_thread", "redis_cpu_sys_main_thread_seconds_total", "System CPU seconds used by Redis's main thread."),
            counter("used_cpu_user_main_thread", "redis_cpu_user_main_thread_seconds_total", "User CPU seconds used by Redis's main thread."),
            // Cluster
            gauge("cluster_enabled", "redis_cluster_enabled", "1 when cluster mode is on."),
            // The settings redis_exporter reads with CONFIG GET; INFO reports both, so no extra command is needed.
            gauge("maxmemory", "redis_config_maxmemory", "The maxmemory setting in bytes; 0 means no limit."),
            gauge("maxclients", "redis_config_maxclients", "The maxclients setting."));

    private InfoFieldTable() {
    }

    private static InfoField gauge(String field, String name, String help) {
        return new InfoField(field, name, MetricType.GAUGE, help, Conversion.VALUE);
    }

    private static InfoField gauge(String field, String name, String help, Conversion conversion) {
        return new InfoField(field, name, MetricType.GAUGE, help, conversion);
    }

    private static InfoField counter(String field, String name, String help) {
        return new InfoField(field, name, MetricType.COUNTER, help, Conversion.VALUE);
    }
}
