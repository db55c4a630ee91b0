"""World J: a synthetic FIU pooled view of Europe/UK/Australia -> Philippines payment reports."""
