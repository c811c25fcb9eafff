;;; eglot-check.el --- Opens one cable with eglot in batch Emacs and writes what the editor saw  -*- lexical-binding: t -*-

;; Loaded by test/editors/run.mjs after the README's snippet, as
;;   emacs --batch --eval '(package-activate-all)' -l README-SNIPPET.el -l eglot-check.el
;; (`package-activate-all' is what an interactive Emacs 28 runs at startup for the packaged eglot).
;; Environment: CABLE_FILE is the cable to open, CABLE_HOVER the 0-based "LINE:CHARACTER" of a TAG,
;; CABLE_EDIT "LINE:OLD:NEW" an edit to type (OLD replaced by NEW on 0-based LINE), CABLE_FIX
;; "LINE:CHARACTER:CODE" a finding whose quick fix to run, CABLE_TXT a second cable named like 10TALLINN207.txt,
;; CABLE_HASH a third named by a hash (000_9b41c7e2d05a6f38.txt), CABLE_NOTES a .txt file of prose that is no cable,
;; CABLE_CLOSED a cable of the workspace never visited, CABLE_SCOPE the `cable.validate.scope' the setup is meant
;; to give (with "workspace" the findings of CABLE_CLOSED are waited for), CABLE_CLOSED_ONLY set to stop after
;; CABLE_CLOSED's findings, CABLE_OUT the JSON file this writes. It asserts nothing: run.mjs compares the JSON with the CLI.

(require 'json)
(require 'cl-lib)

(defvar cable-check--result nil "Alist of what was seen, written as JSON at the end.")

(defun cable-check--put (key value)
  "Record VALUE under KEY."
  (setq cable-check--result (cons (cons key value) (assq-delete-all key cable-check--result))))

(defun cable-check--wait (pred seconds)
  "Run the event loop until PRED returns non-nil or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun cable-check--write ()
  "Write the result to CABLE_OUT."
  (with-temp-file (getenv "CABLE_OUT")
    (insert (json-encode cable-check--result))))

(defun cable-check--idle ()
  "Run the idle timers, as a pause in typing does: batch Emacs is never idle, and eglot sends
changes and Flymake checks on idle timers."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defvar cable-check--published nil "The document version of the last publishDiagnostics.")
(defvar cable-check--indexed nil "Whether the server said it has read the workspace (cable/indexed).")

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq cable-check--published (plist-get params :version)))
              (when (eq method 'cable/indexed)
                (setq cable-check--indexed t))))

(defun cable-check--diagnostics ()
  "Flymake's diagnostics in the buffer: 0-based line, column (characters), type and text."
  (vconcat
   (cl-loop for d in (flymake-diagnostics)
            collect (save-excursion
                      (goto-char (flymake-diagnostic-beg d))
                      (list (cons 'line (1- (line-number-at-pos nil t)))
                            (cons 'character (current-column))
                            (cons 'type (symbol-name (flymake-diagnostic-type d)))
                            (cons 'text (flymake-diagnostic-text d)))))))

(defun cable-check--wait-published ()
  "Wait until the server has published diagnostics for the buffer's current version, as Flymake shows them."
  (cable-check--wait (lambda () (cable-check--idle) (eql cable-check--published eglot--versioned-identifier)) 15))

(defun cable-check--modified ()
  "The files of the buffers with unsaved changes."
  (vconcat (cl-loop for b in (buffer-list)
                    when (and (buffer-file-name b) (buffer-modified-p b)) collect (buffer-file-name b))))

(defun cable-check--imenu-names (index)
  "Flatten an imenu INDEX into a list of symbols, each its name and 1-based line."
  (cl-loop for (name . rest) in index
           if (imenu--subalist-p (cons name rest)) append (cable-check--imenu-names rest)
           else collect (list (cons 'name name)
                              (cons 'line (line-number-at-pos (if (markerp rest) (marker-position rest) rest) t)))))

;; Flymake starts on a buffer that eglot manages as its mode is set, before it is shown, once redisplay shows it
;; (`window-configuration-change-hook'); batch Emacs never redisplays, so the hook is run by hand.
(defun cable-check--visit-cable (file prefix server)
  "Visit FILE as a user does and record, under keys starting with PREFIX, its major mode, whether eglot
manages it with SERVER, and Flymake's diagnostics in it."
  (find-file file)
  (run-window-configuration-change-hook)
  (cable-check--put (intern (concat prefix "Mode")) (symbol-name major-mode))
  (cable-check--put (intern (concat prefix "SameServer"))
                    (and (cable-check--wait (lambda () (and eglot--managed-mode (eq (eglot-current-server) server))) 10) t))
  (cable-check--wait (lambda () (cable-check--idle) (flymake-diagnostics)) 15)
  (cable-check--put (intern (concat prefix "Diagnostics")) (cable-check--diagnostics)))

(condition-case err
    (let ((file (getenv "CABLE_FILE")))
      (find-file file)
      (cable-check--put 'mode (symbol-name major-mode))
      ;; M-x eglot, as a user starts it.
      (call-interactively #'eglot)
      (let ((server (cable-check--wait (lambda () (and eglot--managed-mode (eglot-current-server))) 30)))
        (cable-check--put 'managed (and server t))
        (when server
          (cable-check--put 'command (process-command (jsonrpc--process server)))
          (cable-check--put 'serverInfo (eglot--server-info server))
          ;; (a) Diagnostics, through Flymake.
          (cable-check--wait #'flymake-diagnostics 20)
          (cable-check--put 'diagnostics (cable-check--diagnostics))
          ;; (a2) The cable never visited: once the server has read the workspace (it sends the findings of
          ;; closed cables, when it does, before cable/indexed), what eglot keeps of them for Flymake and the rows
          ;; of M-x flymake-show-project-diagnostics for that file, blanks squeezed.
          (let ((closed (getenv "CABLE_CLOSED")))
            (cable-check--wait (lambda () (and cable-check--indexed
                                               (or (not (equal (getenv "CABLE_SCOPE") "workspace"))
                                                   (assoc closed flymake-list-only-diagnostics))))
                               15)
            (cable-check--put 'indexed cable-check--indexed)
            (cable-check--put 'closedVisited (and (find-buffer-visiting closed) t))
            (cable-check--put 'closedKept (vconcat (mapcar #'flymake-diagnostic-text (cdr (assoc closed flymake-list-only-diagnostics)))))
            (save-window-excursion
              (flymake-show-project-diagnostics)
              (with-current-buffer (flymake--project-diagnostics-buffer (project-root (project-current)))
                (cable-check--put 'closedListing
                                  (vconcat (cl-loop for line in (split-string (buffer-string) "\n" t)
                                                    for row = (string-trim (replace-regexp-in-string "[ \t]+" " " line))
                                                    when (string-prefix-p (concat (file-name-nondirectory closed) " ") row)
                                                    collect row))))))
          (unless (getenv "CABLE_CLOSED_ONLY")
            ;; (b) Document symbols, through imenu (eglot sets `imenu-create-index-function').
            (cable-check--put 'symbols (vconcat (cable-check--imenu-names (funcall imenu-create-index-function))))
            ;; (c) Hover on a TAG, through eglot's eldoc function.
            (let* ((pos (mapcar #'string-to-number (split-string (getenv "CABLE_HOVER") ":")))
                   hover)
              (goto-char (point-min))
              (forward-line (car pos))
              (forward-char (cadr pos))
              (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
              (cable-check--wait (lambda () hover) 10)
              (cable-check--put 'hover hover))
            ;; (d) An edit on a line that starts with a pilcrow (one UTF-16 unit, two UTF-8 bytes): the
            ;; server must apply eglot's incremental change where Emacs made it, and answer with new diagnostics.
            ;; The server may still publish for the opened version after the edit, so wait for diagnostics
            ;; of the edited version (the notification's `version').
            (let ((edit (split-string (getenv "CABLE_EDIT") ":")))
              (goto-char (point-min))
              (forward-line (string-to-number (nth 0 edit)))
              (search-forward (nth 1 edit) (line-end-position))
              (replace-match (nth 2 edit) t t)
              (cable-check--wait-published)
              (cable-check--put 'editedDiagnostics (cable-check--diagnostics)))
            ;; (e) A quick fix: the code actions at the finding, asked for as M-x eglot-code-actions asks for them
            ;; (the caret there, the Flymake diagnostics there as context), then the fix run by eglot's own code,
            ;; as when the user picks it from the menu.
            (let* ((fix (split-string (getenv "CABLE_FIX") ":"))
                   (actions (progn (goto-char (point-min))
                                   (forward-line (string-to-number (nth 0 fix)))
                                   (forward-char (string-to-number (nth 1 fix)))
                                   (eglot-code-actions (point) nil "quickfix")))
                   (action (cl-find-if (lambda (a) (and (not (string-prefix-p "Disable " (plist-get a :title)))
                                                        (cl-some (lambda (d) (equal (plist-get d :code) (nth 2 fix)))
                                                                 (plist-get a :diagnostics))))
                                       actions)))
              (cable-check--put 'fixTitles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
              (when action
                (cable-check--put 'fixTitle (plist-get action :title))
                (condition-case fix-err
                    (eglot--read-execute-code-action (list action) server "quickfix")
                  (error (cable-check--put 'fixError (format "%S" fix-err))))
                (cable-check--wait-published)
                (cable-check--put 'fixedText (buffer-substring-no-properties (point-min) (point-max)))
                (cable-check--put 'modified (cable-check--modified))
                (cable-check--put 'fixedDiagnostics (cable-check--diagnostics))))
            ;; (f) A second cable, named as Cablegate names them: the snippet's auto-mode-alist entry gives it
            ;; cable-mode, and eglot manages it with the running server.
            (cable-check--visit-cable (getenv "CABLE_TXT") "txt" server)
            ;; (g) A third, named by a hash, with blank lines before its header: the snippet's magic-mode-alist
            ;; entry gives it cable-mode by its text.
            (cable-check--visit-cable (getenv "CABLE_HASH") "hash" server)
            ;; (h) Prose in a .txt file, with a VZCZC line further down: it must stay out of cable-mode and eglot.
            (find-file (getenv "CABLE_NOTES"))
            (run-window-configuration-change-hook)
            (cable-check--put 'notesMode (symbol-name major-mode))
            (cable-check--put 'notesManaged (if eglot--managed-mode t :json-false)))
          ;; M-x eglot-shutdown (shutdown, then exit), keeping the buffers; then what the client logged:
          ;; every JSON-RPC message, the shutdown's answer included, and the server's stderr.
          (ignore-errors (eglot-shutdown server nil 10 t))
          (cable-check--put 'events (with-current-buffer (jsonrpc-events-buffer server) (buffer-string)))
          (cable-check--put 'stderr (let ((b (process-get (jsonrpc--process server) 'jsonrpc-stderr)))
                                      (if (buffer-live-p b) (with-current-buffer b (buffer-string)) "")))))
      (cable-check--put 'messages (with-current-buffer "*Messages*" (buffer-string)))
      (cable-check--write)
      (kill-emacs 0))
  (error
   (cable-check--put 'error (format "%S" err))
   (cable-check--put 'messages (with-current-buffer "*Messages*" (buffer-string)))
   (cable-check--write)
   (kill-emacs 1)))

;;; eglot-check.el ends here
