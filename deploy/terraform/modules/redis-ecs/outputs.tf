output "task_definition_arn" {
  description = "The task definition, for an aws_ecs_service."
  value       = aws_ecs_task_definition.this.arn
}

output "family" {
  description = "The task family: the TaskFamily dimension of the sidecar's metrics."
  value       = aws_ecs_task_definition.this.family
}

output "maxmemory_mb" {
  description = "Redis's maxmemory, in MiB."
  value       = local.maxmemory_mb
}

output "log_group_name" {
  description = "Where Redis's and the sidecar's logs, and the sidecar's EMF documents, arrive."
  value       = aws_cloudwatch_log_group.this.name
}

output "alarm_arns" {
  description = "The alarms, by condition."
  value = {
    redis_down       = aws_cloudwatch_metric_alarm.redis_down.arn
    oom_kill_risk    = aws_cloudwatch_metric_alarm.oom_kill_risk.arn
    memory_unbounded = aws_cloudwatch_metric_alarm.memory_unbounded.arn
    rejecting_writes = aws_cloudwatch_metric_alarm.rejecting_writes.arn
    eviction_storm   = aws_cloudwatch_metric_alarm.eviction_storm.arn
  }
}
