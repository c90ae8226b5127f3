"""The reader of running Persian economic text: tokens, typed mentions, construction frames."""
