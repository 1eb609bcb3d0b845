module openpixels.ai/openpixelserrors

go 1.19
