/// GoTemplate: Go 1.21 text/template and fmt semantics in Swift (pure).
public enum GoTemplateModule {}
