package main

import (
	"crypto/md5"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

var db *sql.DB

func products(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	rows, _ := db.Query("SELECT * FROM products WHERE name = '" + name + "'")
	defer rows.Close()
}

func ping(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+r.FormValue("host")).Output()
	w.Write(out)
}

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<h1>Hello %s</h1>", r.URL.Query().Get("name"))
}

func download(w http.ResponseWriter, r *http.Request) {
	data, _ := os.ReadFile(filepath.Join("/srv/files", r.URL.Query().Get("file")))
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}

func preview(w http.ResponseWriter, r *http.Request) {
	resp, _ := http.Get(r.URL.Query().Get("url"))
	io.Copy(io.Discard, resp.Body)
}

func loginDone(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func etag(body []byte) string {
	return fmt.Sprintf("%x", md5.Sum(body))
}
