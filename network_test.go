package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbidden are the standard packages that can talk to a network.
var forbidden = []string{"net", "net/http", "net/rpc", "net/smtp", "net/mail", "net/textproto",
	"net/http/httputil", "crypto/tls", "net/netip"}

// allowed third-party modules are checked like Steady's own code: none of
// their packages that Steady uses may import a network package. Fyne is
// not among them (it imports net/http for remote images and URLs Steady
// never opens).
var allowed = []string{"github.com/mattn/go-sqlite3", "github.com/nicksnyder/go-i18n/", "golang.org/x/text/",
	"golang.org/x/crypto/", "github.com/pelletier/go-toml/v2"}

// TestNoNetworkCode lists every package Steady's own packages depend on and
// fails when Steady's code, or an allowed library, imports a network package
// (net/url, which only parses text, is fine).
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if !ours(pkg) {
			continue
		}
		checked++
		for _, imp := range imports {
			for _, f := range forbidden {
				if imp == f {
					t.Errorf("%s imports %s", pkg, imp)
				}
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d packages checked", checked)
	}
}

func ours(pkg string) bool {
	if strings.HasPrefix(pkg, "github.com/steadyapp/steady") {
		return true
	}
	for _, a := range allowed {
		if strings.HasPrefix(pkg, a) || pkg == strings.TrimSuffix(a, "/") {
			return true
		}
	}
	return false
}

// urlLoaders are the Fyne (and standard) functions that could fetch
// something from a URL: Steady's code may not call them at all, except
// OpenURL with a literal file: URL (Settings → Open the folder).
var urlLoaders = map[string]string{
	"ParseURI":                  "storage.ParseURI can make an http(s) URI that Fyne's handlers fetch",
	"NewHyperlink":              "a hyperlink opens the web",
	"NewHyperlinkWithStyle":     "a hyperlink opens the web",
	"HyperlinkSegment":          "a rich-text hyperlink opens the web",
	"NewRichTextFromMarkdown":   "Markdown links and images can point to the web",
	"ParseMarkdown":             "Markdown links and images can point to the web",
	"AppendMarkdown":            "Markdown links and images can point to the web",
	"NewImageFromURI":           "an image from a URI can be remote",
	"LoadResourceFromURLString": "loads a resource over the network",
	"LoadResourceFromURI":       "can load a resource over the network",
	"OpenURL":                   "opens a URL (only a literal file: URL is allowed)",
}

// TestUINeverLoadsURLs reads the Go source of Steady's packages (go/ast)
// and fails on os/exec and on any call of Fyne's URL-loading APIs: Fyne
// links net/http and registers http(s) storage handlers at start, so what
// keeps Steady off the network is that its code never asks for a URL.
func TestUINeverLoadsURLs(t *testing.T) {
	var files []string
	for _, dir := range []string{".", "ui", "data", "data/guide", "i18n", "assets"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d files found", len(files))
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "os/exec" {
				t.Errorf("%s imports os/exec", fset.Position(imp.Pos()))
			}
		}
		for _, v := range urlUses(f) {
			t.Errorf("%s: %s (%s)", fset.Position(v.pos), v.name, urlLoaders[v.name])
		}
	}
}

type urlUse struct {
	pos  token.Pos
	name string
}

// urlUses finds the calls and composite literals of urlLoaders in f; an
// OpenURL whose argument is &url.URL{Scheme: "file", …} is allowed.
func urlUses(f *ast.File) []urlUse {
	var out []urlUse
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			name := calledName(n.Fun)
			if _, bad := urlLoaders[name]; !bad {
				return true
			}
			if name == "OpenURL" && len(n.Args) == 1 && fileURLLiteral(n.Args[0]) {
				return true
			}
			out = append(out, urlUse{n.Pos(), name})
		case *ast.CompositeLit:
			if name := calledName(n.Type); name == "HyperlinkSegment" {
				out = append(out, urlUse{n.Pos(), name})
			}
		}
		return true
	})
	return out
}

// calledName is the last name of a function or type expression.
func calledName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return calledName(e.X)
	}
	return ""
}

// fileURLLiteral reports whether e is &url.URL{…, Scheme: "file", …}.
func fileURLLiteral(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return false
	}
	lit, ok := u.X.(*ast.CompositeLit)
	if !ok || calledName(lit.Type) != "URL" {
		return false
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Scheme" {
			v, ok := kv.Value.(*ast.BasicLit)
			return ok && v.Value == `"file"`
		}
	}
	return false
}

func TestURLUsesAreFound(t *testing.T) {
	src := `package ui
func f() {
	storage.ParseURI("https://example.com")
	u.app.OpenURL(&url.URL{Scheme: "https", Host: "example.com"})
	u.app.OpenURL(link)
	u.app.OpenURL(&url.URL{Scheme: "file", Path: "/tmp"})
	widget.NewHyperlink("x", nil)
	widget.NewRichTextFromMarkdown("[x](https://example.com)")
	_ = &widget.HyperlinkSegment{Text: "x"}
	canvas.NewImageFromURI(nil)
}`
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range urlUses(f) {
		got = append(got, u.name)
	}
	want := "ParseURI OpenURL OpenURL NewHyperlink NewRichTextFromMarkdown HyperlinkSegment NewImageFromURI"
	if strings.Join(got, " ") != want {
		t.Errorf("found %q, want %q", strings.Join(got, " "), want)
	}
}
