package app

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/des"
	"crypto/aes"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

var _ = []interface{}{md5.New, sha256.New, des.NewCipher, aes.NewCipher, tls.Client, sql.Open, fmt.Sprint, template.New, os.Open, exec.Command, filepath.Base, strconv.Atoi}

func client() {
	// ruleid: go.tls-insecure-skip-verify
	a := &tls.Config{InsecureSkipVerify: true}
	// ok: go.tls-insecure-skip-verify
	b := &tls.Config{MinVersion: tls.VersionTLS12}
	_, _ = a, b
}
