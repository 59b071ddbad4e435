package main

import (
	"crypto/sha256"
	"database/sql"
	"html/template"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"fmt"
)

var db *sql.DB
var page = template.Must(template.New("hello").Parse("<h1>Hello {{.}}</h1>"))
var previewSites = map[string]string{"docs": "https://docs.example.com/"}

func products(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	rows, _ := db.Query("SELECT * FROM products WHERE name = $1", name)
	defer rows.Close()
}

func ping(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("ping", "-c", "1", r.FormValue("host")).Output()
	w.Write(out)
}

func hello(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, r.URL.Query().Get("name"))
}

func download(w http.ResponseWriter, r *http.Request) {
	data, _ := os.ReadFile(filepath.Join("/srv/files", filepath.Base(r.URL.Query().Get("file"))))
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}

func preview(w http.ResponseWriter, r *http.Request) {
	resp, _ := http.Get(previewSites["docs"])
	io.Copy(io.Discard, resp.Body)
}

func loginDone(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/account", http.StatusFound)
}

func etag(body []byte) string {
	return fmt.Sprintf("%x", sha256.Sum256(body))
}
