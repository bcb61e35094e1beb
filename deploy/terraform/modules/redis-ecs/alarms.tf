# The conditions the critical Prometheus alerts page on (alerting/redis-sidecar.rules.yml), on the metrics the
# sidecar writes as CloudWatch EMF (docs/cloudwatch.md). The dimensions are exactly the sidecar's: ClusterName and
# TaskFamily from the task metadata, RedisName from SIDECAR_CLOUDWATCH_REDIS_NAME.

locals {
  dimensions = {
    ClusterName = var.cluster_name
    TaskFamily  = aws_ecs_task_definition.this.family
    RedisName   = var.role
  }
  runbooks = "https://github.com/redis-memory-sidecar/redis-memory-sidecar/blob/main/docs/runbooks"
}

# RedisDown and RedisSidecarDown/Absent: Redis does not answer the sidecar, or no document arrives at all (the
# sidecar is down, or its task is gone): missing data is breaching.
resource "aws_cloudwatch_metric_alarm" "redis_down" {
  alarm_name          = "${var.name}-redis-down"
  alarm_description   = "Redis ${var.role} in ${var.name} does not answer its sidecar, or the sidecar writes no metrics. Runbook: ${local.runbooks}/RedisDown.md"
  namespace           = var.metrics_namespace
  metric_name         = "RedisUp"
  dimensions          = local.dimensions
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
  tags                = var.tags
}

# RedisOOMKillRisk: memory the kernel counts plus the last fork's copy-on-write, in percent of the container limit.
resource "aws_cloudwatch_metric_alarm" "oom_kill_risk" {
  alarm_name          = "${var.name}-oom-kill-risk"
  alarm_description   = "Redis ${var.role} in ${var.name} is about to be OOM-killed: memory plus fork headroom at 90% of its container limit. Runbook: ${local.runbooks}/RedisOOMKillRisk.md"
  namespace           = var.metrics_namespace
  metric_name         = "OOMKillRisk"
  dimensions          = local.dimensions
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 90
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
  tags                = var.tags
}

# RedisMemoryUnbounded: maxmemory 0 (or above the container limit) in a limited container.
resource "aws_cloudwatch_metric_alarm" "memory_unbounded" {
  alarm_name          = "${var.name}-memory-unbounded"
  alarm_description   = "Redis ${var.role} in ${var.name} has no memory limit in its limited container: it grows until it is OOM-killed. Runbook: ${local.runbooks}/RedisMemoryUnbounded.md"
  namespace           = var.metrics_namespace
  metric_name         = "MemoryUnbounded"
  dimensions          = local.dimensions
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
  tags                = var.tags
}

# RedisRejectingWrites: OOM or MISCONF replies (writes refused at the limit under noeviction/volatile-*, or after a
# failed save).
resource "aws_cloudwatch_metric_alarm" "rejecting_writes" {
  alarm_name          = "${var.name}-rejecting-writes"
  alarm_description   = "Redis ${var.role} in ${var.name} refuses writes (OOM or MISCONF). Runbook: ${local.runbooks}/RedisRejectingWrites.md"
  namespace           = var.metrics_namespace
  metric_name         = "RejectedWrites"
  dimensions          = local.dimensions
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
  tags                = var.tags
}

# RedisEvictionStorm, in the form CloudWatch can express: a fixed number of evictions a minute, two minutes
# running (the Prometheus rule also compares with the hour before, which a single-metric alarm cannot).
resource "aws_cloudwatch_metric_alarm" "eviction_storm" {
  alarm_name          = "${var.name}-eviction-storm"
  alarm_description   = "Redis ${var.role} in ${var.name} evicts more than ${var.eviction_storm_per_minute} keys a minute. Runbook: ${local.runbooks}/RedisEvictionStorm.md"
  namespace           = var.metrics_namespace
  metric_name         = "EvictedKeys"
  dimensions          = local.dimensions
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.eviction_storm_per_minute
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
  tags                = var.tags
}
