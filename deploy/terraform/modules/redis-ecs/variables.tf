variable "name" {
  description = "Name of this Redis and of its task family, log group and alarms, e.g. \"vimbiso-redis-cache\"."
  type        = string
}

variable "role" {
  description = <<-EOT
    "cache": no persistence, allkeys-lru (Django's cache: anything may be evicted).
    "state": AOF with fsync every second and no RDB snapshots (sessions, conversation state, Celery's queues),
    evicting only keys with a TTL (volatile-lru) so that queued tasks are refused loudly, never dropped silently.
  EOT
  type        = string

  validation {
    condition     = contains(["cache", "state"], var.role)
    error_message = "role must be \"cache\" or \"state\"."
  }
}

variable "task_memory" {
  description = "Task memory in MiB. Redis's maxmemory is floor(task_memory * 0.35 * 0.95) MiB, as in the task_definition.tf this module comes from."
  type        = number
  default     = 2048
}

variable "task_cpu" {
  description = "Task CPU units (Fargate: 256, 512, 1024, ...)."
  type        = number
  default     = 512
}

variable "maxmemory_policy" {
  description = "Overrides the role's eviction policy (cache: allkeys-lru, state: volatile-lru)."
  type        = string
  default     = null
}

variable "redis_image" {
  description = "Redis image."
  type        = string
  default     = "redis:7.4.11"
}

variable "sidecar_image" {
  description = "redis-memory-sidecar image (the native one is about 30 MB of memory)."
  type        = string
  default     = "ghcr.io/redis-memory-sidecar/redis-memory-sidecar:0.1.0-native"
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64 (Graviton)."
  type        = string
  default     = "X86_64"
}

variable "region" {
  description = "AWS region of the log group (the awslogs driver's awslogs-region)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the task's log group, where the sidecar's EMF metrics also arrive."
  type        = number
  default     = 30
}

variable "cluster_name" {
  description = "Name of the ECS cluster the service runs in: the ClusterName dimension of the alarms."
  type        = string
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the sidecar's metrics (SIDECAR_CLOUDWATCH_NAMESPACE)."
  type        = string
  default     = "RedisMemorySidecar"
}

variable "alarm_topic_arn" {
  description = "SNS topic the alarms notify, when they fire and when they recover."
  type        = string
}

variable "eviction_storm_per_minute" {
  description = "Evicted keys in one minute, two minutes running, that page (the Prometheus rule's floor is 100 a second)."
  type        = number
  default     = 6000
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
