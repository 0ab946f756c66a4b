// Package yamlsrc reads YAML that people wrote by hand (site.yaml and the
// front matter of Markdown files) and reports its problems as positioned
// Chinese diagnostics. It is shared by the config and content packages:
// encoding checks, parsing to a yaml.Node tree with file line numbers,
// duplicate keys, plain Go values for free parameters, and short Chinese
// descriptions of values for error messages.
package yamlsrc
